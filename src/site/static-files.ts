// planCopies: files copied as they are — the theme's assets/ to /assets/, the site's static/
// to the output root and media/ to /media/ (bDS `.meta` sidecars stay behind).

import { join } from 'node:path'
import type { ResolvedConfig } from '../config/index.js'
import type { PlannedFile } from '../output/index.js'
import type { TemplateStore } from '../render/index.js'
import { type Fs, mapLimit } from '../util/fs.js'
import type { RouteTable } from './route-table.js'

export async function planCopies(
  config: ResolvedConfig,
  store: TemplateStore,
  routes: RouteTable,
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
  ].filter((c) => routes.claim(c.path, c.source))
  const stats = await mapLimit(candidates, 64, (c) => fs.stat(c.from))
  return candidates.flatMap((c, i) => {
    const s = stats[i]
    return s ? [{ ...c, fromStat: { size: s.size, mtimeMs: s.mtimeMs } }] : []
  })
}
