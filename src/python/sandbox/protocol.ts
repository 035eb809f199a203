// Messages between the main process and the sandbox child, over Node's IPC channel. The
// child is untrusted: every message from it is size-capped and checked before use.

import type { CallPlan } from '../batches.js'
import type { PythonHostOptions } from '../options.js'
import type { SnapshotInput } from '../snapshot-make.js'
import type { CheckResult, PythonCallResult, PythonCounters, SiteData } from '../types.js'

export interface BootInfo {
  workerFile: string
  pyodideEntry: string
  harness: { harness: string; harden: string }
}

export type ToChild =
  | { t: 'snapshot'; workerFile: string; input: SnapshotInput }
  | {
      t: 'init'
      options: PythonHostOptions
      boot: BootInfo
      snapshot?: Uint8Array
      testHooks?: boolean
    }
  | { t: 'site'; data: SiteData }
  | { t: 'ping'; n: number }
  | { t: 'req'; id: number; op: 'run'; plan: CallPlan; stream: boolean }
  | { t: 'req'; id: number; op: 'check'; scripts: { file: string; source: string }[] }
  | { t: 'req'; id: number; op: 'start' }
  | { t: 'req'; id: number; op: 'probe'; source: string }
  | { t: 'stop' }

export type FromChild =
  | { t: 'hello'; execArgv: string[] }
  | { t: 'snapshot'; bytes?: Uint8Array; message?: string }
  | { t: 'snapshot-rejected' }
  | { t: 'pong'; n: number }
  | { t: 'out'; id: number; stream: 'stdout' | 'stderr'; text: string }
  /** `value` is JSON text: {results, counters} for run, CheckResult[] for check, counters for start. */
  | { t: 'res'; id: number; ok: boolean; value?: string; message?: string }

export interface RunReply {
  results: PythonCallResult[]
  counters: PythonCounters
}
export type CheckReply = CheckResult[]

/** Largest reply the main process accepts from the child (characters of JSON). */
export const MAX_REPLY = 256 * 1024 * 1024
