// The Python runtime: Pyodide workers behind the PythonHost seam (see README.md here).
import type { PythonHostOptions } from './options.js'
import { createPoolHost } from './pool.js'
import type { PythonHost } from './types.js'

export { type PythonHostOptions, pythonOptions } from './options.js'
export type * from './types.js'

export function createPythonHost(options: PythonHostOptions): PythonHost {
  return createPoolHost(options)
}
