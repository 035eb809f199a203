// Shared shapes of the benchmark: peer generators, the bds JSON report, and the results printed.
import type { Post } from './corpus.js'

export interface Command {
  cmd: string
  args: string[]
  cwd?: string
}

/** A generator compared against bds, ready to run (installed and version known). */
export interface Peer {
  name: string
  version: string
  /** Writes the peer's own site for `posts` into `dir`. */
  prepare(dir: string, posts: readonly Post[]): Promise<void>
  /** The cold-build command; `scratch` is a fresh empty folder the peer may use as cache. */
  command(dir: string, out: string, scratch: string): Command
}

export type Availability = { peer: Peer } | { skipped: string }

/** What `bds build --json FILE` writes. */
export interface BdsReport {
  bds: string
  ok: boolean
  upToDate: boolean
  durationMs: number
  steps: { name: string; ms: number }[]
  outputs: { written: number; unchanged: number; removed: number; failed: number; total: number }
  errors: number
  warnings: number
  maxRssBytes: number
}

export interface Timing {
  medianMs: number
  minMs: number
  maxMs: number
  runsMs: number[]
  /** Failed or timed-out runs, left out of the median. */
  failures: number
  error?: string
}

export interface ToolResult extends Timing {
  /** Peak RSS of the tool's own process (bds: its report), else of the largest process. */
  maxRssBytes: number | null
  /** Peak RSS of the largest process of the run, helpers included (GNU time; bds's Pagefind). */
  largestRssBytes: number | null
  /** Post pages found in the output of the last cold build (expected: the corpus size). */
  pages: number
}

export interface BdsResult {
  cold: ToolResult
  noChange: Timing & { maxWritten: number | null }
  /** Steps, in-process duration and wall time of the median cold run. */
  steps: { name: string; ms: number }[]
  durationMs: number | null
  wallMs: number | null
}

export interface PeerResult extends ToolResult {
  version: string
  /** bds cold median ÷ this peer's median: below 1 means bds is faster. */
  ratio: number | null
}

export interface SizeResult {
  posts: number
  corpusBytes: number
  bds: BdsResult | { skipped: string }
  peers: Record<string, PeerResult | { skipped: string }>
}
