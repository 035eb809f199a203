// BdsError: the one error type of bds. It carries a stable code, an optional source position
// and a hint. Identify it with isBdsError(), never instanceof (errors cross threads).

import { codes, type ErrorCode } from './codes.js'

/** A position in a source file; line and column are 1-based (line 0: the file as a whole). */
export interface SourcePos {
  file: string
  line: number
  column: number
  endLine?: number
}

export type Severity = 'error' | 'warning'

export interface BdsErrorOptions {
  pos?: SourcePos
  hint?: string
  cause?: unknown
  severity?: Severity
  /** More text printed under the message: a Python traceback, captured output. */
  detail?: string
  /** Further errors found in the same pass (every invalid config key), printed after this one. */
  related?: readonly BdsError[]
}

export class BdsError extends Error {
  readonly code: ErrorCode
  readonly pos?: SourcePos
  readonly hint: string
  readonly severity: Severity
  readonly detail?: string
  readonly related?: readonly BdsError[]

  constructor(code: ErrorCode, message: string, options: BdsErrorOptions = {}) {
    // A warning is data, never thrown: it skips the stack trace, which costs more than the
    // rest of it (a page with 100,000 malformed tokens makes 100,000 warnings).
    const limit = Error.stackTraceLimit
    if (options.severity === 'warning') Error.stackTraceLimit = 0
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    Error.stackTraceLimit = limit
    this.name = 'BdsError'
    this.code = code
    this.pos = options.pos
    this.hint = options.hint ?? codes[code].hint
    this.severity = options.severity ?? 'error'
    if (options.detail) this.detail = options.detail
    if (options.related?.length) this.related = options.related
  }
}

/** True for a BdsError, also one that lost its prototype on the way. */
export function isBdsError(value: unknown): value is BdsError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    (value as { code: string }).code.startsWith('BDS_') &&
    (value as { code: string }).code in codes
  )
}

/** A diagnostic as data: what reporters print and `--json` writes. */
export interface Diagnostic {
  severity: Severity
  code: ErrorCode
  message: string
  hint: string
  file?: string
  line?: number
  column?: number
  detail?: string
}

export function toDiagnostic(error: BdsError): Diagnostic {
  return {
    severity: error.severity,
    code: error.code,
    message: error.message,
    hint: error.hint,
    ...(error.pos ? { file: error.pos.file } : {}),
    ...(error.pos?.line ? { line: error.pos.line, column: error.pos.column } : {}),
    ...(error.detail ? { detail: error.detail } : {}),
  }
}

/** Wraps anything thrown into a BdsError, keeping BdsErrors as they are. */
export function asBdsError(error: unknown): BdsError {
  if (isBdsError(error)) return error
  const message = error instanceof Error ? error.message : String(error)
  return new BdsError('BDS_INTERNAL', message, { cause: error })
}
