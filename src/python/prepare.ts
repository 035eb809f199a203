// Python ahead of time: the memory snapshot every worker boots from is made once per machine
// (~7 s); `bds init` and `bds doctor --prepare` make it before the first build needs it, and
// the first build that makes it anyway is announced (cli/prepare.ts).

import { existsSync } from 'node:fs'
import { harnessSources } from './harness.js'
import type { PythonHostOptions } from './options.js'
import { defaultCacheDir, snapshotFile } from './snapshot.js'
import type { PythonHost } from './types.js'

/** The snapshot file of this bds and Pyodide in `cacheDir`, and whether it is there. */
export function snapshotState(cacheDir = defaultCacheDir()): { file: string; ready: boolean } {
  const file = snapshotFile(cacheDir, harnessSources())
  return { file, ready: existsSync(file) }
}

/**
 * Makes the snapshot when it is missing, by starting (and stopping) a one-worker pool made by
 * `create` (createPythonHost), which runs no user code. Resolves with whether it made one and
 * how long that took.
 */
export async function prepareSnapshot(
  create: (options: PythonHostOptions) => PythonHost,
  options: Pick<PythonHostOptions, 'timeoutMs' | 'memoryMiB' | 'cacheDir'>,
): Promise<{ made: boolean; ms: number; file: string }> {
  const { file, ready } = snapshotState(options.cacheDir)
  if (ready) return { made: false, ms: 0, file }
  const started = performance.now()
  const host = create({ ...options, workers: 1 })
  try {
    await host.start()
  } finally {
    await host.stop()
  }
  return { made: snapshotState(options.cacheDir).ready, ms: performance.now() - started, file }
}
