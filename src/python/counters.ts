// Counters of the Python runtime: calls, errors, timeouts, worker restarts, start time, and
// per-script call-time percentiles for the build summary and the JSON report.

import type { PythonCallResult, PythonCounters, PythonHops, ScriptTiming } from './types.js'

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return sorted[Math.max(0, index)] as number
}

/** Call times kept per script: all of them up to this many, then a uniform random sample. */
const SAMPLES = 2048

type Trace = [number, number, number, number, number, number]

/** Each time to a tenth of a millisecond. */
export const tenths = <T extends object>(times: T): T =>
  Object.fromEntries(
    Object.entries(times).map(([k, v]) => [k, Math.round((v as number) * 10) / 10]),
  ) as T

export function createCounters(workers: number) {
  const times = new Map<string, { seen: number; sample: number[] }>()
  const state = { calls: 0, errors: 0, timeouts: 0, workerRestarts: 0, startMs: 0, snapshot: false }
  const hops: PythonHops = {
    batches: 0,
    encodeMs: 0,
    queuedMs: 0,
    toWorkerMs: 0,
    siteMs: 0,
    parseMs: 0,
    callsMs: 0,
    loopMs: 0,
    fromWorkerMs: 0,
  }

  /** Adds one batch's hops (`trace`: the worker's, see RunOutcome) to the sums. */
  function batch(
    times: { encodeMs: number; sentAt: number; doneAt: number; callsMs: number },
    trace: unknown,
  ): void {
    const t = Array.isArray(trace) && trace.length === 6 ? (trace as number[]) : undefined
    if (!t?.every(Number.isFinite)) return // an unknown shape: no times rather than wrong ones
    const [began, siteMs, parseMs, loopMs, ended, before] = t as number[] as Trace
    const free = Math.max(times.sentAt, before)
    hops.batches++
    hops.encodeMs += times.encodeMs
    hops.queuedMs += free - times.sentAt
    hops.toWorkerMs += Math.max(0, began - free)
    hops.siteMs += siteMs
    hops.parseMs += parseMs
    hops.callsMs += times.callsMs
    hops.loopMs += Math.max(0, loopMs - times.callsMs)
    hops.fromWorkerMs += Math.max(0, times.doneAt - ended)
  }

  function record(slug: string, result: PythonCallResult): void {
    state.calls++
    if (!result.ok) state.errors++
    if (result.error?.kind === 'timeout') state.timeouts++
    let entry = times.get(slug)
    if (!entry) {
      entry = { seen: 0, sample: [] }
      times.set(slug, entry)
    }
    // Reservoir sampling: a snapshot costs the same after 20 or 20,000 calls.
    const n = ++entry.seen
    if (entry.sample.length < SAMPLES) entry.sample.push(result.ms)
    else {
      const k = Math.floor(Math.random() * n)
      if (k < SAMPLES) entry.sample[k] = result.ms
    }
  }

  function snapshot(): PythonCounters {
    const byScript: Record<string, ScriptTiming> = {}
    for (const [slug, { seen, sample }] of times) {
      const sorted = [...sample].sort((a, b) => a - b)
      const round = (n: number) => Math.round(n * 1000) / 1000
      byScript[slug] = {
        calls: seen,
        p50Ms: round(percentile(sorted, 50)),
        p95Ms: round(percentile(sorted, 95)),
      }
    }
    if (hops.batches === 0) return { ...state, workers, byScript }
    return { ...state, workers, byScript, hops: tenths(hops) }
  }

  return { state, record, batch, snapshot }
}
