// SourceLines: the line starts of a text, found in one pass, so that turning an offset into a
// line and column (binary search) or fetching line n costs O(log n) — never a re-scan of the
// text per position, which made 100,000 positions in one file quadratic.

export interface SourceLines {
  readonly text: string
  /** Number of lines (a text without a line break has one). */
  readonly count: number
  /** 1-based line and column of a 0-based offset (clamped to the text). */
  locate(offset: number): { line: number; column: number }
  /** Text of the 1-based line `n` without its line break (and a `\r` before it); '' past the end. */
  line(n: number): string
  /** Where line `n` starts and ends in `text` (as `line(n)`); [0, 0] past the end. */
  span(n: number): [number, number]
}

export function sourceLines(text: string): SourceLines {
  const starts = [0]
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  /** Index of the last line start at or before `offset`. */
  const lineIndex = (offset: number) => {
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if ((starts[mid] as number) <= offset) lo = mid
      else hi = mid - 1
    }
    return lo
  }
  const span = (n: number): [number, number] => {
    const start = starts[n - 1]
    if (start === undefined) return [0, 0]
    const next = starts[n]
    const end = next === undefined ? text.length : next - 1
    return [start, text.charCodeAt(end - 1) === 13 && end > start ? end - 1 : end]
  }
  return {
    text,
    count: starts.length,
    locate(offset) {
      const at = Math.max(0, Math.min(offset, text.length))
      const i = lineIndex(at)
      return { line: i + 1, column: at - (starts[i] as number) + 1 }
    },
    span,
    line: (n) => text.slice(...span(n)),
  }
}
