// Where the runtime's own files are, found relative to this module (src/python/ or
// dist/python/), so the runtime needs nothing of the rest of bds to locate them.

import { fileURLToPath } from 'node:url'

/** bds's install folder (with a trailing slash). */
export const bdsRoot = fileURLToPath(new URL('../..', import.meta.url))

/** The Pyodide worker (compiled from src/python/worker/). */
export const pythonWorkerFile = `${bdsRoot}dist/python/worker/index.js`

/** The Python harness sources the workers install (sent to them as data). */
export const pythonHarnessDir = `${bdsRoot}src/python/py`
