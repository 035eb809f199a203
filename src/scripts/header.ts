// The script file header (bDS format): the file opens with a docstring whose first block is
// `---` … `---` holding `key: value` lines. Read line by line, never by running Python.
// Strings are double-quoted with `\\` and `\"` escapes; booleans and integers are bare.

export type HeaderValue = string | number | boolean

export interface HeaderLine {
  key: string
  value: HeaderValue
  /** 1-based line in the file. */
  line: number
}

export interface ParsedHeader {
  /** Undefined when the file has no header (then everything is body). */
  lines?: HeaderLine[]
  /** The header's lines as written (the first is line 3 of the file). */
  raw?: string[]
  /** The docstring's text after the header, trimmed ('' when none). */
  doc?: string
  /** Offset in the file where the Python body starts (after the docstring). */
  bodyStart: number
}

const HEADER =
  /^(?:"""|''')[ \t]*\r?\n---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*\r?\n([\s\S]*?)(?:"""|''')[ \t]*(?:\r?\n|$)/

export function unquote(raw: string): HeaderValue {
  const text = raw.trim()
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) {
    return text.slice(1, -1).replace(/\\(["\\])/g, '$1')
  }
  if (text.length >= 2 && text.startsWith("'") && text.endsWith("'")) return text.slice(1, -1)
  if (text === 'true') return true
  if (text === 'false') return false
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text)
  return text
}

export function quote(value: HeaderValue): string {
  return typeof value === 'string' ? `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"` : String(value)
}

export function parseHeader(source: string): ParsedHeader {
  const m = HEADER.exec(source)
  if (!m) return { bodyStart: 0 }
  const lines: HeaderLine[] = []
  const block = m[1] ?? ''
  const raw = block.split(/\r?\n/)
  raw.forEach((text, i) => {
    // Blank lines, comments and indented `- …` lines (the items of a list such as params:).
    if (!text.trim() || text.trimStart().startsWith('#') || /^\s+-/.test(text)) return
    const colon = text.indexOf(':')
    if (colon < 1) return
    // Line 1 is the opening quotes, line 2 the first `---`.
    lines.push({
      key: text.slice(0, colon).trim(),
      value: unquote(text.slice(colon + 1)),
      line: i + 3,
    })
  })
  return { lines, raw, doc: (m[2] ?? '').trim(), bodyStart: m[0].length }
}

export const HEADER_KEYS = [
  'id',
  'slug',
  'title',
  'kind',
  'entrypoint',
  'enabled',
  'version',
  'createdAt',
  'updatedAt',
] as const

/** Writes a header docstring in bDS's layout; `doc` (optional) goes after the closing `---`. */
export function writeHeader(fields: Record<string, HeaderValue>, doc = ''): string {
  const keys = [
    ...HEADER_KEYS.filter((k) => k in fields),
    ...Object.keys(fields).filter((k) => !(HEADER_KEYS as readonly string[]).includes(k)),
  ]
  const body = keys.map((k) => `${k}: ${quote(fields[k] as HeaderValue)}`).join('\n')
  return `"""\n---\n${body}\n---\n${doc ? `${doc.replace(/\n?$/, '\n')}` : ''}"""\n`
}

/**
 * Sets header keys in place: each existing `key:` line is rewritten, missing keys are added
 * at the end of the header; every other byte of the file stays as it was.
 */
export function patchHeader(source: string, changes: Record<string, HeaderValue>): string {
  const m = new RegExp(HEADER.source, 'd').exec(source)
  const span = m?.indices?.[1]
  if (!m || !span) throw new Error('the file has no header')
  const [start, end] = span
  const newline = source.slice(0, end).includes('\r\n') ? '\r\n' : '\n'
  const pending = new Map(Object.entries(changes))
  let block = source
    .slice(start, end)
    .replace(/^([A-Za-z_][\w-]*)([ \t]*:)[^\r\n]*$/gm, (line, key: string, colon: string) => {
      if (!pending.has(key)) return line
      const value = pending.get(key) as HeaderValue
      pending.delete(key)
      return `${key}${colon} ${quote(value)}`
    })
  for (const [k, v] of pending) block += `${newline}${k}: ${quote(v)}`
  return source.slice(0, start) + block + source.slice(end)
}
