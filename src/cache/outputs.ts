// A macro's output as the cache stores it: its HTML, what it printed and its diagnostics
// without a position — every diagnostic of a call is at its token, so a stored output serves
// the same call wherever it stands, and gets that token's position back when it is used.

import { BdsError, type ErrorCode, type Severity, type SourcePos } from '../errors/index.js'
import type { MacroOutput } from '../macros/index.js'

interface StoredDiagnostic {
  code: ErrorCode
  message: string
  severity: Severity
  hint: string
  detail?: string
}

interface StoredOutput {
  html: string
  captured?: string
  diagnostics: StoredDiagnostic[]
}

const samePos = (a: SourcePos | undefined, b: SourcePos) =>
  a?.file === b.file && a.line === b.line && a.column === b.column

/** The output as JSON text, or undefined when a diagnostic is elsewhere than at `pos`. */
export function storeOutput(output: MacroOutput, pos: SourcePos): string | undefined {
  if (!output.diagnostics.every((d) => samePos(d.pos, pos))) return undefined
  const stored: StoredOutput = {
    html: output.html,
    ...(output.captured ? { captured: output.captured } : {}),
    diagnostics: output.diagnostics.map((d) => ({
      code: d.code,
      message: d.message,
      severity: d.severity,
      hint: d.hint,
      ...(d.detail ? { detail: d.detail } : {}),
    })),
  }
  return JSON.stringify(stored)
}

/** A stored output at the token at `pos`. */
export function restoreOutput(text: string, pos: SourcePos): MacroOutput {
  const stored = JSON.parse(text) as StoredOutput
  return {
    html: stored.html,
    ...(stored.captured ? { captured: stored.captured } : {}),
    diagnostics: stored.diagnostics.map(
      (d) =>
        new BdsError(d.code, d.message, {
          pos,
          severity: d.severity,
          hint: d.hint,
          detail: d.detail,
        }),
    ),
  }
}
