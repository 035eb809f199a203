// "Preparing Python": what bds prints while it makes the Pyodide memory snapshot, once per
// machine — in `bds init`, in `bds doctor --prepare`, and in a first build that needs it.

import {
  createPythonHost,
  type PythonHost,
  prepareSnapshot,
  snapshotState,
} from '../python/index.js'
import type { Out } from './out.js'

/** What making the snapshot takes on the 2-core machines bds is tested on (README). */
const ABOUT = 'about 7 s'
const PREPARING = `bds: preparing Python (once per machine, ${ABOUT})…`

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

/**
 * Makes the snapshot now when it is missing, saying so; never throws (a failure is said and
 * left to the first build). Resolves true when the snapshot is there afterwards.
 */
export async function preparePython(out: Out): Promise<boolean> {
  if (snapshotState().ready) return true
  out.err(PREPARING)
  try {
    const made = await prepareSnapshot(createPythonHost, { timeoutMs: 10_000, memoryMiB: 512 })
    out.err(`bds: Python is ready (${seconds(made.ms)}); builds start it from ${made.file}.`)
    return made.made
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error)
    out.err(
      `bds: could not prepare Python (${why}); the first build with Python macros tries again.`,
    )
    return false
  }
}

/**
 * `host`, saying so when its start makes the snapshot (a first build on this machine);
 * `clear` wipes a progress line first.
 */
export function announcing(host: PythonHost, out: Out, clear = () => {}): PythonHost {
  let start: Promise<void> | undefined
  return {
    ...host,
    start() {
      start ??= (async () => {
        if (snapshotState().ready) return host.start()
        clear()
        out.err(PREPARING)
        const started = performance.now()
        await host.start()
        out.err(`bds: Python is ready (${seconds(performance.now() - started)}).`)
      })()
      return start
    },
  }
}
