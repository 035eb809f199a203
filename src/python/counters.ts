// Counters of the Python runtime: calls, errors, timeouts, worker restarts, start time, and
// per-script call-time percentiles for the build summary and the JSON report.

import type { PythonCallResult, PythonCounters, ScriptTiming } from './types.js'

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return sorted[Math.max(0, index)] as number
}

export function createCounters(workers: number) {
  const times = new Map<string, number[]>()
  const state = { calls: 0, errors: 0, timeouts: 0, workerRestarts: 0, startMs: 0, snapshot: false }

  function record(slug: string, result: PythonCallResult): void {
    state.calls++
    if (!result.ok) state.errors++
    if (result.error?.kind === 'timeout') state.timeouts++
    const list = times.get(slug) ?? []
    list.push(result.ms)
    times.set(slug, list)
  }

  function snapshot(): PythonCounters {
    const byScript: Record<string, ScriptTiming> = {}
    for (const [slug, list] of times) {
      const sorted = [...list].sort((a, b) => a - b)
      const round = (n: number) => Math.round(n * 1000) / 1000
      byScript[slug] = {
        calls: list.length,
        p50Ms: round(percentile(sorted, 50)),
        p95Ms: round(percentile(sorted, 95)),
      }
    }
    return { ...state, workers, byScript }
  }

  return { state, record, snapshot }
}
