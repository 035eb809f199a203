// Messages between the host and a Pyodide worker. Everything is plain data: batches and
// results cross as JSON strings, the control block and the site data as SharedArrayBuffers.
// Every task, reply and the worker's start data carry the wire version `v`.

import type { MessagePort } from 'node:worker_threads'

/**
 * Version of every message shape between the main process, the sandbox child and the
 * workers (this file and sandbox/protocol.ts). Bump it with any change to those shapes; a
 * peer of another version is refused, never half understood. 2: the site data carries the
 * site's utility scripts (`modules`). 3: a call's result says what it read of the site data
 * (`reads`: `posts`, `post:SLUG`, `data:NAME` …), a check's result gives each function's
 * positional parameter count (`params`) and the entrypoint's declaration (`signature`). 4: an
 * argument may cross field by field (`[[name, value index], …]`, batches.ts FieldsArgument).
 */
export const WIRE_VERSION = 4

/**
 * The clock hops are timed with: milliseconds since the epoch, with the precision of
 * performance.now(), comparable between threads and processes of one machine.
 */
export const epochMs = () => performance.timeOrigin + performance.now()

/** What every message carries: the sender's WIRE_VERSION. */
export interface Stamped {
  v: number
}

export interface WorkerData extends Stamped {
  mode?: 'snapshot'
  harness: string
  harden: string
  snapshot?: SharedArrayBuffer
  memoryBytes: number
  /** Absolute path of Pyodide's CommonJS entry: no module resolution inside the sandbox. */
  pyodideEntry: string
}

/** Control block, Int32 slots: the interrupt signal Pyodide polls, then the current call. */
export const CONTROL = { signal: 0, seq: 1, index: 2, slots: 4 } as const

export interface SiteBlock {
  version: number
  /** UTF-8 JSON of the `bds` module's data. */
  bytes: SharedArrayBuffer
  length: number
}

export interface RunTask extends Stamped {
  kind: 'run'
  /** JSON: {scripts: {key: {file, slug, source, entrypoint}}, calls: [{key, args}]}. */
  batch: string
  control: SharedArrayBuffer
  site?: SiteBlock
  timeoutMs: number
  /**
   * Stream output as it is written (`bds scripts run`): ['stdout' | 'stderr', text] messages
   * on a port made for this one task (covered by the task's version).
   */
  stream?: MessagePort
}

export type WorkerTask =
  | ({ kind: 'ping' } & Stamped)
  | ({ kind: 'check'; scripts: string } & Stamped)
  | RunTask

export interface RunOutcome {
  /** JSON array, one result object per call in order — fewer than the calls when a fatal error ended the batch early. */
  results: string
  /** The interpreter is unusable or bloated (fatal error, MemoryError): replace this worker. */
  recycle: boolean
  heapBytes: number
  /**
   * Times of the batch (ms): when the worker began it (epoch), loading the site data,
   * parsing the batch, its loop over the calls, when it ended (epoch), and when this worker
   * ended its previous batch (epoch; 0 for its first).
   */
  trace: [number, number, number, number, number, number]
}

export type WorkerReply = Stamped &
  (
    | { kind: 'ping'; threadId: number; bootMs: number; snapshot: boolean; fallback?: string }
    | { kind: 'check'; threadId: number; results: string }
    | ({ kind: 'run'; threadId: number } & RunOutcome)
    /** The worker was started with, or sent, another wire version; it did nothing. */
    | { kind: 'refused'; message: string }
  )

/** The snapshot worker's one message (mode 'snapshot'). */
export type SnapshotReply = Stamped & { ok: boolean; bytes?: Uint8Array; message?: string }

/** Why a worker refuses a message of another version (undefined when the version matches). */
export function versionProblem(v: unknown, what: string): string | undefined {
  if (v === WIRE_VERSION) return undefined
  return `the Python worker speaks wire version ${WIRE_VERSION} but its ${what} has version ${JSON.stringify(v) ?? 'none'}`
}
