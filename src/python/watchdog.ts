// Two-stage timeouts for one batch task. The worker marks each call's start in a shared
// control block; when one call runs past the limit the watchdog raises KeyboardInterrupt in
// it (the worker survives), and when Python ignores that for the grace period, the task is
// aborted: Piscina terminates the worker and starts a fresh one.

import type { MessagePort } from 'node:worker_threads'
import { isBdsError } from '../errors/index.js'
import { WIRE_VERSION } from './wire.js'
import type { RunOutcome, SiteBlock, WorkerTask } from './worker/protocol.js'
import { CONTROL } from './worker/protocol.js'
import { readWorkerReply } from './worker-reply.js'

const SIGINT = 2

interface TaskPool {
  run(
    task: unknown,
    options: { signal: AbortSignal; transferList?: MessagePort[] },
  ): Promise<unknown>
}

type GuardedResult =
  | { kind: 'done'; outcome: RunOutcome; threadId: number }
  /** The worker was terminated while call `stuck` ran; the other calls have no result. */
  | { kind: 'killed'; stuck: number }
  | { kind: 'failed'; message: string }

export const graceFor = (timeoutMs: number) => Math.min(2000, Math.max(500, timeoutMs))

export async function runGuarded(
  pool: TaskPool,
  batch: string,
  site: SiteBlock | undefined,
  timeoutMs: number,
  stream?: MessagePort,
): Promise<GuardedResult> {
  const control = new SharedArrayBuffer(CONTROL.slots * 4)
  const view = new Int32Array(control)
  const abort = new AbortController()
  const grace = graceFor(timeoutMs)
  let seq = 0
  let since = performance.now()
  let interruptedAt = 0
  let stuck = -1
  const tick = setInterval(
    () => {
      const now = performance.now()
      const current = Atomics.load(view, CONTROL.seq)
      if (current !== seq) {
        seq = current
        since = now
        interruptedAt = 0
      } else if (seq > 0 && !interruptedAt && now - since > timeoutMs) {
        Atomics.store(view, CONTROL.signal, SIGINT)
        interruptedAt = now
      } else if (interruptedAt && now - interruptedAt > grace) {
        stuck = Atomics.load(view, CONTROL.index)
        abort.abort()
      } else if (interruptedAt && Atomics.load(view, CONTROL.signal) === 0) {
        // Python took the signal but the call goes on (something swallowed it): again.
        Atomics.store(view, CONTROL.signal, SIGINT)
      }
    },
    Math.min(100, Math.max(5, timeoutMs / 10)),
  )
  try {
    const task: WorkerTask = {
      v: WIRE_VERSION,
      kind: 'run',
      batch,
      control,
      site,
      timeoutMs,
      stream,
    }
    const transferList = stream ? [stream] : undefined
    const reply = readWorkerReply(
      await pool.run(task, { signal: abort.signal, transferList }),
      'run',
    )
    if (isBdsError(reply)) return { kind: 'failed', message: reply.message }
    return { kind: 'done', outcome: reply, threadId: reply.threadId }
  } catch (error) {
    if (abort.signal.aborted) return { kind: 'killed', stuck: Math.max(0, stuck) }
    return { kind: 'failed', message: error instanceof Error ? error.message : String(error) }
  } finally {
    clearInterval(tick)
  }
}
