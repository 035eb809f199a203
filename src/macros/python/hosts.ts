// Python hosts for a site: one made from the config's python settings, and one for a whole
// watch session — made on first use, kept warm across rebuilds, replaced only when those
// settings change.

import type { ResolvedConfig } from '../../config/index.js'
import { createPythonHost, type PythonHost, type PythonHostOptions } from '../../python/index.js'

export const pythonOptions = (config: ResolvedConfig): PythonHostOptions => ({ ...config.python })

/**
 * A host with the site's python settings (the sandbox unless BDS_SANDBOX=off); `workers`
 * caps the pool for work that runs one call at a time (`scripts run`, `check`, `ingest`),
 * which then boots one interpreter instead of one per core.
 */
export const hostFor = (config: ResolvedConfig, workers?: number): PythonHost => {
  const options = pythonOptions(config)
  return createPythonHost(
    workers ? { ...options, workers: Math.min(workers, options.workers) } : options,
  )
}

export interface SessionHosts {
  get(config: ResolvedConfig): PythonHost
  stop(): Promise<void>
}

export function sessionHosts(create = createPythonHost): SessionHosts {
  let current: { key: string; host: PythonHost } | undefined
  return {
    get(config) {
      const key = JSON.stringify(config.python)
      if (current?.key !== key) {
        void current?.host.stop()
        current = { key, host: create(pythonOptions(config)) }
      }
      return current.host
    },
    async stop() {
      const host = current?.host
      current = undefined
      await host?.stop()
    },
  }
}
