// The Python sources every worker installs (the harness and the hardening), read once from
// bds's own install and sent to workers as data.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pythonHarnessDir } from '../version.js'

export interface HarnessSources {
  harness: string
  harden: string
}

let sources: HarnessSources | undefined
export function harnessSources(): HarnessSources {
  sources ??= {
    harness: readFileSync(join(pythonHarnessDir, 'harness.py'), 'utf8'),
    harden: readFileSync(join(pythonHarnessDir, 'harden.py'), 'utf8'),
  }
  return sources
}
