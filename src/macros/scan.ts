// scanMacro: reads one `[[name key=value …]]` token at a position in a string. Pure and
// allocation-light: the markdown-it rule calls it at every `[[`. Returns undefined when the
// text is not a macro token at all (`[[ x]]`, `[[a-b]]`), a token, or a syntax error.

import type { MacroParams, MacroValue } from './types.js'

export type ScanResult =
  | { ok: true; end: number; name: string; params: MacroParams; text: Record<string, string> }
  | { ok: false; offset: number; message: string }

const isNameChar = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95
const isKeyChar = (c: number) => isNameChar(c) || c === 45
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13

/** A bare value's type: integers and decimals become numbers, true/false booleans. */
export function typeBare(text: string): MacroValue {
  if (/^-?\d+$/.test(text)) {
    const n = Number(text)
    return Number.isSafeInteger(n) ? n : text
  }
  if (/^-?\d+\.\d+$/.test(text)) return Number(text)
  if (text === 'true') return true
  if (text === 'false') return false
  return text
}

export function scanMacro(src: string, start: number, end = src.length): ScanResult | undefined {
  if (src.charCodeAt(start) !== 0x5b || src.charCodeAt(start + 1) !== 0x5b) return undefined
  let i = start + 2
  while (i < end && isNameChar(src.charCodeAt(i))) i++
  if (i === start + 2) return undefined
  const name = src.slice(start + 2, i).toLowerCase()
  const after = src.charCodeAt(i)
  if (i < end && !isSpace(after) && after !== 0x5d) return undefined
  const params: MacroParams = {}
  const text: Record<string, string> = {}
  const fail = (offset: number, message: string): ScanResult => ({ ok: false, offset, message })
  for (;;) {
    while (i < end && isSpace(src.charCodeAt(i))) i++
    if (i >= end) return fail(start, `The macro "${name}" is missing its closing ]].`)
    if (src.charCodeAt(i) === 0x5d) {
      if (src.charCodeAt(i + 1) === 0x5d) return { ok: true, end: i + 2, name, params, text }
      return fail(i, `Unexpected "]" in the macro "${name}"; a token ends with ]].`)
    }
    const keyStart = i
    while (i < end && isKeyChar(src.charCodeAt(i))) i++
    if (i === keyStart)
      return fail(i, `Unexpected "${src[i]}" in the macro "${name}"; expected key=value.`)
    const key = src.slice(keyStart, i)
    if (src.charCodeAt(i) !== 0x3d) {
      params[key] = true
      text[key] = 'true'
    } else {
      i++
      const q = src.charCodeAt(i)
      if (q === 0x22 || q === 0x27) {
        const quoteAt = i
        let value = ''
        i++
        while (i < end && src.charCodeAt(i) !== q) {
          const c = src.charCodeAt(i)
          const next = src.charCodeAt(i + 1)
          if (c === 0x5c && (next === 0x22 || next === 0x27 || next === 0x5c)) {
            value += src[i + 1]
            i += 2
          } else {
            value += src[i]
            i++
          }
        }
        if (i >= end)
          return fail(
            quoteAt,
            `The value of "${key}" in the macro "${name}" opens a quote that is never closed.`,
          )
        i++
        params[key] = value
        text[key] = value
      } else {
        const valueStart = i
        while (i < end && !isSpace(src.charCodeAt(i)) && src.charCodeAt(i) !== 0x5d) i++
        text[key] = src.slice(valueStart, i)
        params[key] = typeBare(text[key] as string)
      }
    }
    const c = src.charCodeAt(i)
    if (i < end && !isSpace(c) && c !== 0x5d)
      return fail(i, `Expected a space or ]] after "${key}" in the macro "${name}".`)
  }
}

/** Writes a string as a quoted macro value that scanMacro reads back unchanged. */
export function quoteValue(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`
}
