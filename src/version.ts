// bds's own version and install folders, found relative to this module (src/ or dist/).

import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

/** bds's install folder (with a trailing slash). */
export const bdsRoot = root

export const BDS_VERSION: string = (
  JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string }
).version

/** The bundled default theme. */
export const bundledTemplatesDir = `${root}templates`

/** Files `bds init` copies into a new site. */
export const scaffoldDir = `${root}scaffold`

/** Bundled Python scripts that `bds init` seeds into a new site's scripts/. */
export const bundledScriptsDir = `${root}scripts`

/** The Pyodide worker (compiled from src/python/worker/). */
export const pythonWorkerFile = `${root}dist/python/worker/index.js`

/** The Python harness sources the workers install (sent to them as data). */
export const pythonHarnessDir = `${root}src/python/py`

/** The syntax highlighter and its version: highlighted bodies depend on it (render caches). */
export const HIGHLIGHTER = `highlight.js ${
  (createRequire(import.meta.url)('highlight.js/package.json') as { version: string }).version
}`
