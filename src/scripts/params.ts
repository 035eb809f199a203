// The `params:` list of a script header: the parameters a macro declares, one per line,
//   params:
//     - columns: int = 3        # how many columns, 1 to 6
//     - caption: str = ""       # text under the images
//     - id: str                 # no default: a call may leave it out
// read line by line like the rest of the header, never by running Python. A line it cannot
// read is a warning at that line, and the line is left out.

import { type HeaderValue, unquote } from './header.js'

/** A parameter as a header declares it (the shape of MacroParam). */
export interface HeaderParam {
  name: string
  type: 'str' | 'int' | 'float' | 'bool' | 'any'
  default?: string | number | boolean
  description?: string
}

export interface HeaderParams {
  /** Undefined when the header has no `params:` key. */
  params?: HeaderParam[]
  problems: { line: number; message: string }[]
}

const TYPES = new Set(['str', 'int', 'float', 'bool', 'any'])
const ITEM =
  /^\s+-\s*([A-Za-z_]\w*)\s*(?::\s*([A-Za-z]+))?\s*(?:=\s*("(?:[^"\\]|\\.)*"|'[^']*'|[^\s#]+))?\s*(?:#\s*(.*?))?\s*$/

function fits(type: HeaderParam['type'], value: HeaderValue): boolean {
  if (type === 'int') return typeof value === 'number' && Number.isInteger(value)
  if (type === 'float') return typeof value === 'number'
  if (type === 'bool') return typeof value === 'boolean'
  return true
}

/** Reads the `params:` list of a header's raw lines (the first is line `first` of the file). */
export function readHeaderParams(raw: readonly string[], first = 3): HeaderParams {
  const problems: HeaderParams['problems'] = []
  const at = raw.findIndex((l) => /^params[ \t]*:/.test(l))
  if (at < 0) return { problems }
  const params: HeaderParam[] = []
  const inline = (raw[at] as string).replace(/^params[ \t]*:/, '').trim()
  if (inline && inline !== '[]')
    problems.push({ line: first + at, message: 'lists its params one per line below "params:"' })
  for (let i = at + 1; i < raw.length; i++) {
    const text = raw[i] as string
    if (!text.trim() || text.trimStart().startsWith('#')) continue
    if (!/^\s/.test(text)) break
    const line = first + i
    const m = ITEM.exec(text)
    if (!m) {
      problems.push({
        line,
        message: `has a params line it cannot read: ${JSON.stringify(text.trim())}`,
      })
      continue
    }
    const [, name, written, value, description] = m as unknown as (string | undefined)[]
    const type = (written ?? 'any') as HeaderParam['type']
    if (!TYPES.has(type)) {
      problems.push({
        line,
        message: `gives "${name}" the unknown type "${written}" (str, int, float, bool or any)`,
      })
      continue
    }
    const param: HeaderParam = { name: name as string, type }
    if (value !== undefined && value !== 'None' && value !== 'null') {
      const parsed = unquote(value)
      const converted = type === 'str' ? String(parsed) : parsed
      if (!fits(type, converted)) {
        problems.push({ line, message: `gives "${name}" a default that is not ${type}: ${value}` })
        continue
      }
      param.default = converted
    }
    if (description) param.description = description
    if (params.some((p) => p.name === param.name))
      problems.push({ line, message: `declares "${name}" twice; the last one counts` })
    params.push(param)
  }
  const unique = [...new Map(params.map((p) => [p.name, p])).values()]
  return { params: unique, problems }
}
