// A small JSON parser that remembers where each value starts, so config errors can name the
// line and column of the offending key (JSON.parse keeps no positions).

export interface JsonPos {
  line: number
  column: number
}

export interface ParsedJson {
  value: unknown
  /** JSON pointer ("/a/0/b") → position of that member's key, or of the value for array items. */
  positions: Map<string, JsonPos>
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly pos: JsonPos,
  ) {
    super(message)
  }
}

export function parseJsonWithPositions(text: string): ParsedJson {
  const positions = new Map<string, JsonPos>()
  let i = 0
  const posAt = (offset: number): JsonPos => {
    let line = 1
    let last = -1
    for (let k = 0; k < offset; k++) {
      if (text.charCodeAt(k) === 10) {
        line += 1
        last = k
      }
    }
    return { line, column: offset - last }
  }
  const fail = (what: string): never => {
    const found = i < text.length ? `"${text[i]}"` : 'the end of the file'
    throw new JsonSyntaxError(`Expected ${what} but found ${found}.`, posAt(i))
  }
  const ws = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i] as string)) i++
  }
  const str = (): string => {
    const start = i
    i++
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1
    if (i >= text.length) {
      i = start
      fail('a closing quote for this string')
    }
    i++
    try {
      return JSON.parse(text.slice(start, i)) as string
    } catch {
      i = start
      return fail('a valid string')
    }
  }
  const value = (pointer: string): unknown => {
    ws()
    const c = text[i]
    if (c === '{') {
      i++
      const obj: Record<string, unknown> = {}
      ws()
      if (text[i] === '}') {
        i++
        return obj
      }
      for (;;) {
        ws()
        if (text[i] !== '"') fail('a property name in double quotes')
        const keyStart = i
        const key = str()
        const child = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`
        positions.set(child, posAt(keyStart))
        ws()
        if (text[i] !== ':') fail('":" after the property name')
        i++
        obj[key] = value(child)
        ws()
        if (text[i] === '}') {
          i++
          return obj
        }
        if (text[i] !== ',') fail('"," or "}"')
        i++
      }
    }
    if (c === '[') {
      i++
      const arr: unknown[] = []
      ws()
      if (text[i] === ']') {
        i++
        return arr
      }
      for (;;) {
        ws()
        const child = `${pointer}/${arr.length}`
        positions.set(child, posAt(i))
        arr.push(value(child))
        ws()
        if (text[i] === ']') {
          i++
          return arr
        }
        if (text[i] !== ',') fail('"," or "]"')
        i++
      }
    }
    if (c === '"') return str()
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(
      text.slice(i, i + 64),
    )
    if (!m) return fail('a JSON value')
    i += m[0].length
    return JSON.parse(m[0])
  }
  positions.set('', posAt(0))
  const result = value('')
  ws()
  if (i < text.length) fail('the end of the file')
  return { value: result, positions }
}
