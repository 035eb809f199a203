// BuildReport: what a build returns, prints as its summary and writes with --json FILE.

import type { Diagnostic } from '../errors/index.js'
import type { WriteStats } from '../output/index.js'

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
  errors: number
  warnings: number
  maxRssBytes: number
}
