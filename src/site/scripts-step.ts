// The script index is synced before every build, so the build (and later the Python
// runtime) sees exactly the scripts on disk. A lost or corrupt index is rebuilt.

import type { BdsError } from '../errors/index.js'
import { openScriptStore, syncScripts } from '../scripts/index.js'

export function syncIndex(root: string, cacheDir: string): BdsError[] {
  const store = openScriptStore(cacheDir)
  try {
    const result = syncScripts(root, store, { rebuild: store.reset !== undefined })
    return [...(store.reset ? [store.reset] : []), ...result.warnings]
  } finally {
    store.close()
  }
}
