// Plain words for a script that ran into the sandbox: the raw errors (EvalError, Node's
// ERR_ACCESS_DENIED, an interpreter taken down by a refused eval) say little to a writer.

import type { PythonError } from './types.js'

const SIGNS = /ERR_ACCESS_DENIED|ERR_BDS_BLOCKED|EvalError|Code generation from strings disallowed/

/** A sentence to add when the error shows the script touched a blocked capability. */
export function blockedCapability(error: PythonError): string | undefined {
  if (!SIGNS.test(`${error.type} ${error.message} ${error.traceback}`)) return undefined
  return 'The script tried to use something bds does not let scripts use — host files, processes, the network or generated JavaScript — and the sandbox refused it.'
}
