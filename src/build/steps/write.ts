// What a build leaves behind: which outputs changed (for live reload) and the build cache's
// record of them — the whole manifest after a full build, only the rows that changed after a
// rebuild (then the "Nothing changed" fingerprint is dropped: it no longer describes them).

import type { CacheDb, Manifest } from '../../output/index.js'

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

/** Records the rows of `manifest` that changed; drops the fingerprint. */
export function patchManifest(
  cache: CacheDb,
  outDir: string,
  manifest: Manifest,
  changed: readonly string[],
): void {
  const put: Manifest = new Map()
  for (const path of changed) {
    const entry = manifest.get(path)
    if (entry) put.set(path, entry)
  }
  cache.patchManifest(
    outDir,
    put,
    changed.filter((p) => !manifest.has(p)),
  )
  cache.writeState(outDir, undefined)
}
