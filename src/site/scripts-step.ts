// The script index is synced before every build, so the build (and later the Python
// runtime) sees exactly the scripts on disk. A lost or corrupt index is rebuilt.

import type { BdsError } from '../errors/index.js'
import { openScriptStore, syncScripts } from '../scripts/index.js'

export interface IndexState {
  diagnostics: BdsError[]
  /** Slugs of enabled `kind: macro` scripts. */
  macros: Set<string>
}

export function syncIndex(root: string, cacheDir: string): IndexState {
  const store = openScriptStore(cacheDir)
  try {
    const result = syncScripts(root, store, { rebuild: store.reset !== undefined })
    const macros = new Set(
      store
        .all()
        .filter((r) => r.kind === 'macro' && r.enabled)
        .map((r) => r.slug.toLowerCase()),
    )
    return { diagnostics: [...(store.reset ? [store.reset] : []), ...result.warnings], macros }
  } finally {
    store.close()
  }
}
