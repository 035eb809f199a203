// The error overlay's content: each error of the last rebuild as the terminal shows it — code,
// message, file:line:column, code frame and hint — as data for the browser client.

import { type Diagnostic, diagnosticFrame, type Sources } from '../errors/index.js'

export interface OverlayError {
  code: string
  message: string
  /** `file:line:column`, when the error has a position. */
  at?: string
  frame?: string
  hint: string
}

/**
 * The first `limit` errors, duplicates (one template failing on many pages) counted once;
 * `sources` gives the code frames their text.
 */
export function overlayErrors(diagnostics: readonly Diagnostic[], sources: Sources, limit = 8) {
  const seen = new Set<string>()
  const errors: OverlayError[] = []
  for (const d of diagnostics) {
    if (d.severity !== 'error') continue
    const at = d.file ? `${d.file}${d.line ? `:${d.line}:${d.column ?? 1}` : ''}` : undefined
    const id = `${d.code}|${at}|${d.message}`
    if (seen.has(id) || errors.length >= limit) continue
    seen.add(id)
    errors.push({
      code: d.code,
      message: d.message,
      at,
      frame: diagnosticFrame(d, sources),
      hint: d.hint,
    })
  }
  return errors
}
