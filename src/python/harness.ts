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
/** The harness carries bds_api.py (bDS's Python API) and installs it as the module `bds_api`. */
export function harnessSources(): HarnessSources {
  sources ??= {
    harness: `${read('harness.py')}\n_install_bds_api(${JSON.stringify(read('bds_api.py'))})\n`,
    harden: read('harden.py'),
  }
  return sources
}
