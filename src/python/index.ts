// The Python runtime: Pyodide workers behind the PythonHost seam. Builds, watch mode and the
// script commands get the sandboxed host; BDS_SANDBOX=off (debugging) runs the pool in this
// process instead, which is not isolated from the host.
import { createInProcessHost } from './in-process.js'
import type { PythonHostOptions } from './options.js'
import { createSandboxHost } from './sandbox/host.js'
import { detectOsLayer } from './sandbox/os-layer.js'
import type { PythonHost } from './types.js'

export { checkContext, checkPost, checkResult } from './abi.js'
export { FieldsArgument } from './batches.js'
export { blockedCapability } from './blocked.js'
export { checkScripts, readScript, scriptProblem } from './check.js'
export type { PythonHostOptions } from './options.js'
export { prepareSnapshot, snapshotState } from './prepare.js'
export { detectOsLayer } from './sandbox/os-layer.js'
export { isolationReport } from './sandbox/os-report.js'
export type * from './types.js'

export function createPythonHost(options: PythonHostOptions): PythonHost {
  if (process.env.BDS_SANDBOX === 'off') return createInProcessHost(options)
  return createSandboxHost(options, { layer: detectOsLayer() })
}
