// What a watch-mode rebuild leaves behind: which outputs changed (for live reload) and the
// build cache's record of them (the rows that changed; the "Nothing changed" fingerprint is
// dropped, as it no longer describes the outputs).

import type { Manifest } from '../output/index.js'
import type { LiveSite } from './live.js'

/** Outputs written (new or different) or removed between two manifests. */
export function changedOutputs(before: Manifest, after: Manifest): string[] {
  const changed: string[] = []
  for (const [path, e] of after) {
    const old = before.get(path)
    if (!old || old.hash !== e.hash || old.mtimeMs !== e.mtimeMs) changed.push(path)
  }
  for (const path of before.keys()) if (!after.has(path)) changed.push(path)
  return changed
}

/** Records the new manifest in the session and the rows that changed in the build cache. */
export function saveOutputs(live: LiveSite, manifest: Manifest, changed: readonly string[]) {
  const out = live.config.paths.out
  const put: Manifest = new Map()
  for (const path of changed) {
    const entry = manifest.get(path)
    if (entry) put.set(path, entry)
  }
  live.cache.patchManifest(
    out,
    put,
    changed.filter((p) => !manifest.has(p)),
  )
  live.cache.writeState(out, undefined)
  live.manifest = manifest
}
