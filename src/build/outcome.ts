// What a build returns, and what it keeps for the next one to say when nothing changed.

import type { Diagnostic } from '../errors/index.js'
import type { BuildReport } from './report.js'
import type { PipelineState } from './state.js'
import type { ContentSummary } from './steps/content.js'

export interface BuildOutcome {
  report: BuildReport
  /** What the build knew when it finished (kept only when asked for). */
  state?: PipelineState
  /** Output files written or removed, relative to the output folder. */
  changed: string[]
}

/** What the last complete build reported (replayed when nothing changed). */
export interface LastBuild {
  diagnostics: Diagnostic[]
  macros: Record<string, number>
  content?: ContentSummary
}
