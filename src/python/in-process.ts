// The in-process PythonHost: the pool runs in worker threads of this process, booting from
// the snapshot file in the user cache (made on first use). Used with BDS_SANDBOX=off and by
// the benchmark as the baseline; builds use the sandbox (sandbox/host.ts), whose child runs
// the same pool.

import { harnessSources } from './harness.js'
import type { PythonHostOptions } from './options.js'
import { pythonWorkerFile } from './paths.js'
import { createPoolHost } from './pool.js'
import {
  defaultCacheDir,
  discardSnapshot,
  pyodideEntry,
  readSnapshot,
  snapshotFile,
  writeSnapshot,
} from './snapshot.js'
import { makeSnapshot } from './snapshot-make.js'
import type { PythonHost } from './types.js'

export function createInProcessHost(options: PythonHostOptions): PythonHost {
  const harness = harnessSources()
  const file = snapshotFile(options.cacheDir ?? defaultCacheDir(), harness)
  const entry = pyodideEntry()
  const host = createPoolHost(options, {
    workerFile: pythonWorkerFile,
    pyodideEntry: entry,
    harness,
    async snapshot() {
      if (options.snapshot === false) return undefined
      const cached = readSnapshot(file)
      if (cached) return cached
      const input = { ...harness, memoryBytes: options.memoryMiB * 2 ** 20, pyodideEntry: entry }
      const bytes = await makeSnapshot(pythonWorkerFile, input).catch(() => undefined)
      return bytes && writeSnapshot(file, bytes) ? readSnapshot(file) : undefined
    },
    rejectSnapshot: () => discardSnapshot(file),
  })
  return { ...host, counters: () => ({ ...host.counters(), isolation: 'in-process' }) }
}
