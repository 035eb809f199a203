// Messages between the main process and the sandbox child, over Node's IPC channel. Each
// crosses as `Stamped`: with the sender's wire version `v` (WIRE_VERSION), and a peer of
// another version is refused. The child is untrusted: every message from it is size-capped
// and checked (from-child.ts) before use.

import type { CallPlan } from '../batches.js'
import type { PythonHostOptions } from '../options.js'
import type { SnapshotInput } from '../snapshot-make.js'
import type {
  CheckRequest,
  CheckResult,
  PythonCallResult,
  PythonCounters,
  SiteData,
} from '../types.js'

/** The argument that makes a child take probes (tests only; the launcher's `probes` option). */
export const PROBE_ARG = '--bds-test-probes'

interface BootInfo {
  workerFile: string
  pyodideEntry: string
  harness: { harness: string; harden: string }
}

export type ToChild =
  | { t: 'snapshot'; workerFile: string; input: SnapshotInput }
  | { t: 'init'; options: PythonHostOptions; boot: BootInfo; snapshot?: Uint8Array }
  | { t: 'site'; data: SiteData }
  | { t: 'ping'; n: number }
  | { t: 'req'; id: number; op: 'run'; plan: CallPlan; stream: boolean }
  | { t: 'req'; id: number; op: 'check'; scripts: CheckRequest[] }
  | { t: 'req'; id: number; op: 'start' }
  /** Test hook: only a child started with PROBE_ARG runs it; the shipped launcher never passes it. */
  | { t: 'req'; id: number; op: 'probe'; source: string }
  | { t: 'stop' }

export type FromChild =
  | { t: 'hello'; execArgv: string[] }
  | { t: 'snapshot'; bytes?: Uint8Array; message?: string }
  | { t: 'snapshot-rejected' }
  | { t: 'pong'; n: number }
  | { t: 'out'; id: number; stream: 'stdout' | 'stderr'; text: string }
  /**
   * `value` is JSON text: RunReply for run, CheckReply for check, PythonCounters for start.
   * A failure has a `message` and, for the wire's own errors, their BdsError `code`.
   */
  | { t: 'res'; id: number; ok: boolean; value?: string; message?: string; code?: string }

export interface RunReply {
  results: PythonCallResult[]
  counters: PythonCounters
  /** When the child read the request and when it replied (epochMs), if it said. */
  at?: [number, number]
}
export type CheckReply = CheckResult[]

/** Largest reply the main process accepts from the child (characters of JSON). */
export const MAX_REPLY = 256 * 1024 * 1024
/** Largest snapshot the main process accepts from the child (a bare one is 30 MiB). */
export const MAX_SNAPSHOT = 256 * 1024 * 1024
