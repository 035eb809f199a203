import type { MessagePort } from 'node:worker_threads'

// Messages between the host and a Pyodide worker. Everything is plain data: batches and
// results cross as JSON strings, the control block and the site data as SharedArrayBuffers.

export interface WorkerData {
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

export interface RunTask {
  kind: 'run'
  /** JSON: {scripts: {key: {file, slug, source, entrypoint}}, calls: [{key, args}]}. */
  batch: string
  control: SharedArrayBuffer
  site?: SiteBlock
  timeoutMs: number
  /** Stream output as it is written (`bds scripts run`): ['stdout' | 'stderr', text] messages. */
  stream?: MessagePort
}

export type WorkerTask = { kind: 'ping' } | { kind: 'check'; scripts: string } | RunTask

export interface RunOutcome {
  /** JSON array, one result object per call in order — fewer than the calls when a fatal error ended the batch early. */
  results: string
  /** The interpreter is unusable or bloated (fatal error, MemoryError): replace this worker. */
  recycle: boolean
  heapBytes: number
}

export type WorkerReply =
  | { kind: 'ping'; threadId: number; bootMs: number; snapshot: boolean; fallback?: string }
  | { kind: 'check'; threadId: number; results: string }
  | ({ kind: 'run'; threadId: number } & RunOutcome)
