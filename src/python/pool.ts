// The pool behind a PythonHost: a Piscina pool of worker threads, each holding one Pyodide
// interpreter booted from the memory snapshot. Started on first use, kept for the whole
// build or watch session; calls go in deduplicated batches under a two-stage timeout.

import { once } from 'node:events'
import { availableParallelism } from 'node:os'
import { setTimeout as delay } from 'node:timers/promises'
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads'
import { Piscina } from 'piscina'
import { isBdsError } from '../errors/index.js'
import { batchJson, chunk, dedupe, type EncodedCall, failure, parseResults } from './batches.js'
import { createCounters } from './counters.js'
import type { HarnessSources } from './harness.js'
import type { PythonHostOptions } from './options.js'
import type {
  CheckRequest,
  CheckResult,
  PythonCall,
  PythonCallResult,
  PythonHost,
  RunOptions,
  SiteData,
} from './types.js'
import { runGuarded } from './watchdog.js'
import {
  type CheckOutcome,
  checkOutcomes,
  parseReply,
  WIRE_VERSION,
  WORKER,
  wireReplyError,
} from './wire.js'
import { epochMs, type SiteBlock, type WorkerTask } from './worker/protocol.js'
import { readWorkerReply } from './worker-reply.js'

const TIMEOUT_HARD: PythonCallResult = failure({
  kind: 'timeout',
  type: 'TimeoutError',
  message: 'the call ignored the interrupt and its worker was replaced',
  traceback: '',
})

/** A port pair whose far end the worker writes stdout/stderr text to. */
function outputChannel(onOutput: NonNullable<RunOptions['onOutput']>) {
  const { port1, port2 } = new MessageChannel()
  const deliver = (message: unknown) => {
    const [name, text] = Array.isArray(message) ? message : []
    if (typeof text === 'string') onOutput(name === 'stderr' ? 'stderr' : 'stdout', text)
  }
  port1.on('message', deliver)
  /** Delivers what is still queued (the task's reply can overtake it), then closes. */
  const close = () => {
    for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) deliver(m.message)
    port1.close()
  }
  return { port2, close }
}

/** What a pool boots from: files in-process, IPC messages in the sandbox child. */
interface PoolBoot {
  /** The compiled worker module (dist/python/worker/index.js). */
  workerFile: string
  /** Pyodide's CommonJS entry (pyodide.js), resolved by the caller. */
  pyodideEntry: string
  harness: HarnessSources
  /** The memory snapshot to boot from, if any (may make it first). */
  snapshot(): Promise<SharedArrayBuffer | undefined>
  /** The workers could not boot from the snapshot: it is stale or corrupt. */
  rejectSnapshot(): void
}

export interface PoolHost extends PythonHost {
  runEncoded(unique: EncodedCall[], opts?: RunOptions): Promise<PythonCallResult[]>
}

export function createPoolHost(options: PythonHostOptions, boot: PoolBoot): PoolHost {
  const workers = Math.max(1, Math.min(availableParallelism(), options.workers))
  const counters = createCounters(workers)
  let pool: Piscina | undefined
  let starting: Promise<void> | undefined
  let site: SiteBlock | undefined

  async function bootPool(): Promise<void> {
    const started = performance.now()
    const snapshot = await boot.snapshot()
    const memoryBytes = options.memoryMiB * 2 ** 20
    const { harness, pyodideEntry } = boot
    pool = new Piscina({
      filename: boot.workerFile,
      minThreads: workers,
      maxThreads: workers,
      idleTimeout: 2 ** 31 - 1,
      concurrentTasksPerWorker: 1,
      resourceLimits: { stackSizeMb: 32 },
      workerData: { v: WIRE_VERSION, ...harness, snapshot, memoryBytes, pyodideEntry },
    })
    pool.on('error', () => {}) // a worker that dies is replaced; its tasks report the failure
    pool.on('workerDestroy', () => {
      if (pool) counters.state.workerRestarts++ // not while stop() destroys the pool
    })
    const task: WorkerTask = { v: WIRE_VERSION, kind: 'ping' }
    const ping = readWorkerReply(await pool.run(task), 'ping')
    if (isBdsError(ping)) throw ping
    counters.state.snapshot = ping.snapshot
    if (snapshot && !ping.snapshot) boot.rejectSnapshot()
    counters.state.startMs = Math.round(performance.now() - started)
  }

  const start = () => {
    starting ??= bootPool()
    return starting
  }

  /** Ends a worker whose interpreter is unusable; Piscina starts a fresh one in its place. */
  async function recycle(threadId: number): Promise<void> {
    const current = pool
    const worker = current?.threads.find((t) => t.threadId === threadId)
    if (!current || !worker) return // already gone and replaced
    // Only once Piscina has dropped the worker is the next task sure to get a live one.
    const dropped = once(current, 'workerDestroy')
    void worker.terminate()
    await Promise.race([dropped, delay(2000, undefined, { ref: false })])
  }

  /**
   * One batch under the watchdog. A fatal error ends a batch early and a hard timeout kills
   * its worker: the calls that got no result run again on a fresh worker. A worker that died
   * on its own before answering gets the batch again (twice at most).
   */
  async function runBatch(
    calls: EncodedCall[],
    stream?: RunOptions,
    attempt = 0,
  ): Promise<PythonCallResult[]> {
    const channel = stream?.onOutput ? outputChannel(stream.onOutput) : undefined
    const encodedAt = epochMs()
    const json = batchJson(calls)
    const sentAt = epochMs()
    const guarded = await runGuarded(
      pool as Piscina,
      json,
      site,
      options.timeoutMs,
      channel?.port2,
    ).finally(() => channel?.close())
    if (guarded.kind === 'done') {
      if (guarded.outcome.recycle) await recycle(guarded.threadId)
      const results = parseResults(guarded.outcome.results, calls.length)
      const times = { encodeMs: sentAt - encodedAt, sentAt, doneAt: epochMs() }
      const callsMs = results.reduce((sum, r) => sum + r.ms, 0)
      counters.batch({ ...times, callsMs }, guarded.outcome.trace)
      const rest = calls.slice(results.length)
      return rest.length ? [...results, ...(await runBatch(rest, stream))] : results
    }
    if (guarded.kind === 'failed') {
      // The task met a worker on its way out; a replacement is starting.
      if (attempt < 2) {
        await delay(100 * (attempt + 1), undefined, { ref: false })
        return runBatch(calls, stream, attempt + 1)
      }
      const error = { kind: 'crash' as const, type: 'WorkerError', traceback: '' }
      return calls.map(() => failure({ ...error, message: guarded.message }))
    }
    const rest = calls.filter((_, i) => i !== guarded.stuck)
    const again = rest.length > 0 ? await runBatch(rest, stream) : []
    return calls.map((_, i) =>
      i === guarded.stuck
        ? TIMEOUT_HARD
        : (again[i < guarded.stuck ? i : i - 1] as PythonCallResult),
    )
  }

  /** Runs distinct, already encoded calls (the sandbox child gets them so from IPC). */
  async function runEncoded(unique: EncodedCall[], opts?: RunOptions) {
    if (unique.length === 0) return []
    await start()
    // Streamed output must keep its order: one batch, on one worker.
    const batches = opts?.onOutput ? [unique] : chunk(unique, workers)
    const results = (await Promise.all(batches.map((b) => runBatch(b, opts)))).flat()
    unique.forEach((call, i) => {
      counters.record(call.script.slug, results[i] as PythonCallResult)
    })
    return results
  }

  async function run(calls: readonly PythonCall[], opts?: RunOptions) {
    const { unique, slot } = dedupe(calls)
    const results = await runEncoded(unique, opts)
    return slot.map((i) => results[i] as PythonCallResult)
  }

  async function check(scripts: readonly CheckRequest[]) {
    if (scripts.length === 0) return []
    await start()
    const task: WorkerTask = { v: WIRE_VERSION, kind: 'check', scripts: JSON.stringify(scripts) }
    const reply = readWorkerReply(await (pool as Piscina).run(task), 'check')
    if (isBdsError(reply)) throw reply
    const outcomes = checkOutcomes(parseReply(WORKER, 'check', reply.results), scripts.length)
    if (typeof outcomes === 'string') throw wireReplyError(WORKER, `check: ${outcomes}`)
    return scripts.map((s, i): CheckResult => ({ file: s.file, ...(outcomes[i] as CheckOutcome) }))
  }

  let siteText = ''
  /** Workers re-read the site data only when it really changed (watch rebuilds send it each time). */
  function setSiteData(data: SiteData): void {
    const text = JSON.stringify(data)
    if (site && text === siteText) return
    siteText = text
    const bytes = new TextEncoder().encode(text)
    const shared = new SharedArrayBuffer(bytes.length)
    new Uint8Array(shared).set(bytes)
    site = { version: (site?.version ?? 0) + 1, bytes: shared, length: bytes.length }
  }

  async function stop(): Promise<void> {
    await starting?.catch(() => {}) // a pool still booting is destroyed once it exists
    const current = pool
    pool = undefined
    starting = undefined
    await current?.destroy()
  }

  return { start, setSiteData, run, runEncoded, check, counters: counters.snapshot, stop }
}
