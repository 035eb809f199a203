// The copies step: files copied as they are — the theme's assets/ to /assets/, the site's static/
// to the output root and media/ to /media/ (bDS `.meta` sidecars stay behind).

import { join } from 'node:path'
import type { ResolvedConfig } from '../../config/index.js'
import type { FileSink, Manifest, PlannedFile } from '../../output/index.js'
import type { TemplateStore } from '../../render/index.js'
import type { RouteTable } from '../../site/index.js'
import { type Fs, mapLimit } from '../../util/fs.js'

/** Every file to copy, whether or not its output path is free. */
export async function listCopies(
  config: ResolvedConfig,
  store: TemplateStore,
  fs: Fs,
): Promise<PlannedFile[]> {
  const p = config.paths
  const [staticFiles, mediaFiles] = await Promise.all([fs.walk(p.static), fs.walk(p.media)])
  const candidates = [
    ...[...store.assets].map(([name, f]) => ({
      path: `assets/${name}`,
      from: f.path,
      source: f.display,
    })),
    ...staticFiles.map((f) => ({ path: f, from: join(p.static, f), source: `static/${f}` })),
    ...mediaFiles
      .filter((f) => !f.endsWith('.meta'))
      .map((f) => ({ path: `media/${f}`, from: join(p.media, f), source: `media/${f}` })),
  ]
  const stats = await mapLimit(candidates, 64, (c) => fs.stat(c.from))
  return candidates.flatMap((c, i) => {
    const s = stats[i]
    return s ? [{ ...c, fromStat: { size: s.size, mtimeMs: s.mtimeMs } }] : []
  })
}

/** The copies whose output path is still free (the others are route conflicts). */
export const claimCopies = (copies: readonly PlannedFile[], routes: RouteTable) =>
  copies.filter((c) => routes.claim(c.path, c.source))

/**
 * Writes every claimed copy; without `relist` (no static, media or template change) a copy
 * already on record keeps its output and goes to `carried`.
 */
export function emitCopies(
  copies: readonly PlannedFile[],
  routes: RouteTable,
  sink: FileSink,
  carried: Manifest,
  previous?: Manifest,
): void {
  for (const file of claimCopies(copies, routes)) {
    const entry = previous?.get(file.path)
    if (entry) carried.set(file.path, entry)
    else sink.write(file)
  }
}
