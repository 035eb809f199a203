// codeFrame: a few numbered lines of source around a position with a caret under the column,
// as printed under every error that has a position.

export function codeFrame(source: string, line: number, column: number, context = 2): string {
  const lines = source.split(/\r?\n/)
  const first = Math.max(1, line - context)
  const last = Math.min(lines.length, line + context)
  const width = String(last).length
  const out: string[] = []
  for (let n = first; n <= last; n++) {
    const marker = n === line ? '>' : ' '
    out.push(`${marker} ${String(n).padStart(width)} | ${lines[n - 1] ?? ''}`.trimEnd())
    if (n === line) {
      const pad = ' '.repeat(width)
      out.push(`  ${pad} | ${' '.repeat(Math.max(0, column - 1))}^`)
    }
  }
  return out.join('\n')
}
