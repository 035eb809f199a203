// The Python sources every worker installs (the harness with bds_api, and the hardening),
// read once from bds's own install and sent to workers as data.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pythonHarnessDir } from './paths.js'

export interface HarnessSources {
  harness: string
  harden: string
}

const read = (name: string) => readFileSync(join(pythonHarnessDir, name), 'utf8')

let sources: HarnessSources | undefined
/**
 * The harness carries bds_api.py (bDS's Python API, the module `bds_api`) and aio.py (the
 * event loop of `async def` entrypoints).
 */
export function harnessSources(): HarnessSources {
  const install = (fn: string, file: string) => `${fn}(${JSON.stringify(read(file))})\n`
  sources ??= {
    harness: `${read('harness.py')}\n${install('_install_bds_api', 'bds_api.py')}${install('_install_aio', 'aio.py')}`,
    harden: read('harden.py'),
  }
  return sources
}
