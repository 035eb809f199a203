// A fake PythonHost for fast tests: each script slug has a scripted behaviour (a function of
// the call's JSON arguments returning a PythonCallResult). Arguments cross a JSON round trip,
// as they do to the real workers, and every call, start and stop is recorded.

import type {
  PythonCall,
  PythonCallResult,
  PythonHost,
  ScriptSource,
  SiteData,
} from '../../src/python/index.js'

// biome-ignore lint/suspicious/noExplicitAny: scripted behaviours read the post freely, as Python does
export type Behaviour = (post: any, context: any) => PythonCallResult

const base = { stdout: '', stderr: '', logs: [] as string[], reads: [] as string[], ms: 1 }

/** The entrypoint returned `value` (None is null). */
export const returns = (
  value: unknown,
  more: Partial<PythonCallResult> = {},
): PythonCallResult => ({
  ...base,
  ok: true,
  value,
  ...more,
})

/** The entrypoint raised `type: message` at `line`. */
export const raises = (type: string, message: string, line = 14): PythonCallResult => ({
  ...base,
  ok: false,
  error: {
    kind: 'exception',
    type,
    message,
    line,
    traceback: `Traceback (most recent call last):\n  File "script.py", line ${line}, in transform\n${type}: ${message}\n`,
  },
})

export const timesOut = (): PythonCallResult => ({
  ...base,
  ok: false,
  ms: 500,
  error: { kind: 'timeout', type: 'KeyboardInterrupt', message: 'timed out', traceback: '' },
})

/** A ScriptSource for `slug` (file scripts/<slug>.py). */
export const source = (slug: string, entrypoint = 'transform'): ScriptSource => ({
  id: `id-${slug}`,
  slug,
  file: `scripts/${slug}.py`,
  source: `"""A fake script."""\n\n\ndef ${entrypoint}(post, context):\n    return None\n`,
  hash: `hash-${slug}`,
  entrypoint,
})

export interface FakePythonHost extends PythonHost {
  calls: PythonCall[]
  events: string[]
  siteData?: SiteData
}

export function fakePythonHost(
  behaviours: Record<string, Behaviour>,
  options: { failStart?: Error; rejectRun?: Error } = {},
): FakePythonHost {
  const host: FakePythonHost = {
    calls: [],
    events: [],
    async start() {
      host.events.push('start')
      if (options.failStart) throw options.failStart
    },
    setSiteData(data) {
      host.siteData = data
    },
    async run(calls) {
      if (options.rejectRun) throw options.rejectRun
      return calls.map((call) => {
        host.calls.push(call)
        const [post, context] = JSON.parse(JSON.stringify(call.args)) as unknown[]
        const behave = behaviours[call.script.slug]
        if (!behave)
          return {
            ...base,
            ok: false,
            error: {
              kind: 'missing',
              type: 'AttributeError',
              message: 'no such script',
              traceback: '',
            },
          }
        // The result crosses the boundary as JSON too.
        return JSON.parse(JSON.stringify(behave(post, context))) as PythonCallResult
      })
    },
    async check() {
      return []
    },
    counters: () => ({
      calls: host.calls.length,
      errors: 0,
      timeouts: 0,
      workerRestarts: 0,
      startMs: 0,
      snapshot: false,
      workers: 1,
      byScript: {},
    }),
    async stop() {
      host.events.push('stop')
    },
  }
  return host
}
