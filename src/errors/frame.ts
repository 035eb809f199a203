// codeFrame: a few numbered lines of source around a position with a caret under the column,
// as printed under every error that has a position. Long lines are cut to a window around
// the column, so a minified or generated file never floods the terminal. diagnosticFrame()
// reads the file a diagnostic names (the terminal and watch mode's overlay both show it).

import { readFileSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'
import type { Diagnostic } from './bds-error.js'

const MAX = 100

export function codeFrame(source: string, line: number, column: number, context = 2): string {
  const lines = source.split(/\r?\n/, line + context)
  const first = Math.max(1, line - context)
  const last = Math.min(lines.length, line + context)
  const width = String(last).length
  // One window for every line, so the caret stays under its column.
  const start = column > MAX - 20 ? column - (MAX - 20) : 0
  const cut = (text: string) =>
    text.length <= MAX && start === 0
      ? text
      : `${start > 0 ? '…' : ''}${text.slice(start, start + MAX)}${text.length > start + MAX ? '…' : ''}`
  const out: string[] = []
  for (let n = first; n <= last; n++) {
    const marker = n === line ? '>' : ' '
    out.push(`${marker} ${String(n).padStart(width)} | ${cut(lines[n - 1] ?? '')}`.trimEnd())
    if (n === line) {
      const pad = ' '.repeat(width)
      const caret = Math.max(0, column - 1 - start) + (start > 0 ? 1 : 0)
      out.push(`  ${pad} | ${' '.repeat(caret)}^`)
    }
  }
  return out.join('\n')
}

/** The code frame of a diagnostic's position, read from the file (relative to `root`). */
export function diagnosticFrame(d: Diagnostic, root: string): string | undefined {
  if (!d.file || !d.line || d.file.startsWith('bds:')) return undefined
  try {
    const source = readFileSync(isAbsolute(d.file) ? d.file : join(root, d.file), 'utf8')
    return codeFrame(source, d.line, d.column ?? 1)
  } catch {
    return undefined
  }
}
