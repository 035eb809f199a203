// The error overlay's content: each error of the last rebuild as the terminal shows it — code,
// message, file:line:column, code frame and hint — as data for the browser client. A warning
// that a macro or parameter name looks misspelt (it names the nearest one) is shown too, as a
// warning: the page still built, but the author will want to fix the name.

import { type Diagnostic, diagnosticFrame, type Sources } from '../errors/index.js'

export interface OverlayError {
  code: string
  message: string
  /** `file:line:column`, when the error has a position. */
  at?: string
  frame?: string
  hint: string
  /** A warning (a misspelt name), not an error: the page did build. */
  warning?: true
}

const TYPO_CODES = new Set(['BDS_MACRO_UNKNOWN', 'BDS_MACRO_PARAMS'])
const isTypo = (d: Diagnostic) => TYPO_CODES.has(d.code) && d.message.includes('(did you mean')

/**
 * The first `limit` errors, duplicates (one template failing on many pages) counted once;
 * `sources` gives the code frames their text.
 */
export function overlayErrors(diagnostics: readonly Diagnostic[], sources: Sources, limit = 8) {
  const seen = new Set<string>()
  const errors: OverlayError[] = []
  const shown = [
    ...diagnostics.filter((d) => d.severity === 'error'),
    ...diagnostics.filter((d) => d.severity !== 'error' && isTypo(d)),
  ]
  for (const d of shown) {
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
      ...(d.severity === 'error' ? {} : { warning: true as const }),
    })
  }
  return errors
}
