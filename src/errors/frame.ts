// codeFrame: a few numbered lines of source around a position with a caret under the column,
// as printed under every error that has a position. Long lines are cut to a window around
// the column, so a minified or generated file never floods the terminal. diagnosticFrame()
// takes the source from the caller (`Sources`): this module never reads a file.

import type { Diagnostic } from './bds-error.js'
import { type SourceLines, sourceLines } from './source-lines.js'

const MAX = 100

/**
 * The text of a file a diagnostic names (relative to the site, as diagnostics name them), or
 * undefined when it cannot or must not be shown. Return the same string for the same file
 * (cache it): frames of one file then share one line index.
 */
export type Sources = (file: string) => string | undefined

export function codeFrame(
  source: string | SourceLines,
  line: number,
  column: number,
  context = 2,
): string {
  const lines = typeof source === 'string' ? sourceLines(source) : source
  const first = Math.max(1, line - context)
  const last = Math.min(lines.count, line + context)
  const width = String(last).length
  // One window for every line, so the caret stays under its column.
  const start = column > MAX - 20 ? column - (MAX - 20) : 0
  // Only the window is copied out of the text: a frame costs the same on a 1 MB line.
  const cut = (n: number) => {
    const [from, to] = lines.span(n)
    if (to - from <= MAX && start === 0) return lines.text.slice(from, to)
    const text = lines.text.slice(from + start, Math.min(to, from + start + MAX))
    return `${start > 0 ? '…' : ''}${text}${to - from > start + MAX ? '…' : ''}`
  }
  const out: string[] = []
  for (let n = first; n <= last; n++) {
    const marker = n === line ? '>' : ' '
    out.push(`${marker} ${String(n).padStart(width)} | ${cut(n)}`.trimEnd())
    if (n === line) {
      const pad = ' '.repeat(width)
      const caret = Math.max(0, column - 1 - start) + (start > 0 ? 1 : 0)
      out.push(`  ${pad} | ${' '.repeat(caret)}^`)
    }
  }
  return out.join('\n')
}

/** Line indexes per provider and file, kept while the provider lives. */
const indexes = new WeakMap<Sources, Map<string, SourceLines>>()

function linesOf(sources: Sources, file: string): SourceLines | undefined {
  const text = sources(file)
  if (text === undefined) return undefined
  const byFile = indexes.get(sources) ?? new Map<string, SourceLines>()
  indexes.set(sources, byFile)
  const known = byFile.get(file)
  if (known && known.text === text) return known
  const lines = sourceLines(text)
  byFile.set(file, lines)
  return lines
}

/** The code frame of a diagnostic's position, with the source `sources` gives for its file. */
export function diagnosticFrame(d: Diagnostic, sources: Sources): string | undefined {
  if (!d.file || !d.line || d.file.startsWith('bds:')) return undefined
  const lines = linesOf(sources, d.file)
  return lines && d.line <= lines.count ? codeFrame(lines, d.line, d.column ?? 1) : undefined
}
