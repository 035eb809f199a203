// What runPipeline (pipeline.ts) takes and gives: the previous state and what changed in, the
// new state, the diagnostics, the write counts and what the report says out.

import type { BuildCache } from '../cache/index.js'
import type { ResolvedConfig } from '../config/index.js'
import type { BdsError, Diagnostic } from '../errors/index.js'
import type { Manifest, WriteStats } from '../output/index.js'
import type { SiteChanges } from './changes.js'
import type { BuildDeps } from './deps.js'
import type { BuildReport } from './report.js'
import type { PipelineState } from './state.js'
import type { ContentSummary } from './steps/content.js'
import type { StepTimer } from './timer.js'

export interface PipelineInput {
  config: ResolvedConfig
  deps: BuildDeps
  timer: StepTimer
  /** Diagnostics of the config (and the build cache). */
  setup: BdsError[]
  /** What the last build wrote into the output folder (from the build cache). */
  manifest: Manifest
  /** The state of the last build, for a rebuild; a full build has none. */
  previous?: PipelineState
  changes: SiteChanges
  /** Files under posts/ (counted by the up-to-date check): decides whether a worker pays. */
  postFiles: number
  /** Keep what a rebuild needs (page keys, the macros' site key). */
  keep: boolean
  /** The build cache (.bds/cache.db); without it results are computed and only counted. */
  cache?: BuildCache
}

export interface PipelineResult {
  state: PipelineState
  diagnostics: Diagnostic[]
  outputs: WriteStats
  /** Macro calls by name. */
  macros: Record<string, number>
  python?: BuildReport['python']
  /** Output files written or removed, relative to the output folder. */
  changed: string[]
  /** The content key of every page (for the build cache's record of this build). */
  pageKeys: ReadonlyMap<string, string>
  /** The diagnostics that follow from the inputs alone (not the config's, not the output folder's). */
  inputDiagnostics: Diagnostic[]
  /** What the build says once, besides the config's notes (sharp missing). */
  notes: string[]
  /** Drafts in the output, posts held back for their date. */
  content: ContentSummary
  /** Output paths of the resized image variants written. */
  variants: string[]
}
