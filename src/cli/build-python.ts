// The Python host of one `bds build`: Pyodide's pool, the sandbox and their modules load when
// the build first asks for Python, so a build with nothing to do never loads them; the first
// start on this machine (making the snapshot) is announced.

import type { ResolvedConfig } from '../config/index.js'
import type { PythonCounters, PythonHost, SiteData } from '../python/index.js'
import type { Out } from './out.js'

const NOT_STARTED: PythonCounters = {
  calls: 0,
  errors: 0,
  timeouts: 0,
  workerRestarts: 0,
  startMs: 0,
  snapshot: false,
  workers: 0,
  byScript: {},
}

export interface BuildPython {
  host: (config: ResolvedConfig) => PythonHost
  stop(): Promise<void>
}

export function buildPython(out: Out, clear: () => void): BuildPython {
  let loading: Promise<PythonHost> | undefined
  let host: PythonHost | undefined
  let data: SiteData | undefined
  const load = (config: ResolvedConfig) =>
    (loading ??= (async () => {
      const [{ hostFor }, { announcing }] = await Promise.all([
        import('../macros/python/index.js'),
        import('./prepare.js'),
      ])
      host = announcing(hostFor(config), out, clear)
      if (data) host.setSiteData(data)
      return host
    })())
  return {
    host(config) {
      const ready = () => load(config)
      return {
        start: async () => (await ready()).start(),
        load: () => void ready().catch(() => {}), // a failure is met again by start()
        setSiteData(d) {
          data = d
          host?.setSiteData(d)
        },
        run: async (calls, options) => (await ready()).run(calls, options),
        check: async (scripts) => (await ready()).check(scripts),
        counters: () => host?.counters() ?? NOT_STARTED,
        stop: async () => (loading ? (await loading).stop() : undefined),
      }
    },
    stop: async () => (loading ? (await loading).stop() : undefined),
  }
}
