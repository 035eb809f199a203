// One Python host for a whole watch session: made on first use with the config's python
// settings, kept warm across rebuilds, replaced only when those settings change.

import type { ResolvedConfig } from '../config/index.js'
import { createPythonHost } from './index.js'
import { pythonOptions } from './options.js'
import type { PythonHost } from './types.js'

interface SessionHosts {
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
