export {
  asBdsError,
  BdsError,
  type BdsErrorOptions,
  type Diagnostic,
  isBdsError,
  type Severity,
  type SourcePos,
  toDiagnostic,
} from './bds-error.js'
export { codes, type ErrorCode } from './codes.js'
export { codeFrame, diagnosticFrame, type Sources } from './frame.js'
export { type SourceLines, sourceLines } from './source-lines.js'
