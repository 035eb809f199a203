// BuildReport: what a build returns, prints as its summary and writes with --json FILE.

import type { CacheReport } from '../cache/index.js'
import type { Diagnostic } from '../errors/index.js'
import type { WriteStats } from '../output/index.js'
import type { PythonCounters } from '../python/index.js'

/** Output a Python macro printed (stdout, stderr, bds.log), at its token. */
export interface CapturedOutput {
  macro: string
  file: string
  line: number
  column: number
  text: string
}

export interface BuildReport {
  bds: string
  site: string
  outDir: string
  /** False when any diagnostic is an error (the affected files were skipped). */
  ok: boolean
  /** True when nothing changed since the last build and nothing was rendered. */
  upToDate: boolean
  durationMs: number
  steps: { name: string; ms: number }[]
  outputs: WriteStats
  /** Macro calls by name (built-in and Python), e.g. {"youtube": 3}. */
  macros: Record<string, number>
  diagnostics: Diagnostic[]
  /** What the build says once, not a problem (e.g. the timezone a bDS project's dates use). */
  notes: string[]
  /** How many pages, Markdown bodies and macro calls came from the build cache, and how many were computed. */
  cache?: CacheReport
  /** Drafts in the output (`--drafts`): an output that must not be deployed when not 0. */
  drafts: number
  /** Posts held back because they are dated after the build's clock (`--future` builds them). */
  future: number
  /** Python runtime counters, when Python macros ran; with what they printed. */
  python?: PythonCounters & { output: CapturedOutput[] }
  errors: number
  warnings: number
  maxRssBytes: number
}
