// The script index is synced before every build, so the build and the Python runtime see
// exactly the scripts on disk. A lost or corrupt index is rebuilt.

import type { BdsError } from '../errors/index.js'
import { openScriptStore, type ScriptRow, syncScripts } from '../scripts/index.js'

export interface IndexState {
  diagnostics: BdsError[]
  /** Enabled `kind: macro` scripts. */
  macros: ScriptRow[]
}

export function syncIndex(root: string, cacheDir: string): IndexState {
  const store = openScriptStore(cacheDir)
  try {
    const result = syncScripts(root, store, { rebuild: store.reset !== undefined })
    const macros = store.all().filter((r) => r.kind === 'macro' && r.enabled)
    return { diagnostics: [...(store.reset ? [store.reset] : []), ...result.warnings], macros }
  } finally {
    store.close()
  }
}
