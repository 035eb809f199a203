// The generated step: the feeds of each language tree and of the archives that have their
// own, then sitemap.xml over every tree's routes and the main tree's calendar.json.

import type { ResolvedConfig } from '../../config/index.js'
import type { FileSink } from '../../output/index.js'
import { feedFiles, type SitemapMemo, siteFiles } from '../../render/index.js'
import type { RouteTable, SiteIndex, SitemapRoute } from '../../site/index.js'
import type { SiteModel } from '../model.js'

export function emitGenerated(
  config: ResolvedConfig,
  trees: readonly { index: SiteIndex }[],
  models: readonly { model: SiteModel }[],
  plans: readonly { plan: { routes: readonly SitemapRoute[] } }[],
  out: { routes: RouteTable; sink: FileSink; sitemap?: SitemapMemo },
): void {
  const { routes, sink } = out
  for (const [i, t] of trees.entries()) {
    const { model } = models[i] as (typeof models)[number]
    for (const file of feedFiles(config, t.index.tree, model.lists, model.views))
      if (routes.claim(file.path, file.source)) sink.write(file)
  }
  const all: SitemapRoute[] = plans.flatMap((p) => p.plan.routes)
  const main = trees[0]?.index
  if (!main) return
  for (const file of siteFiles(config, main.collections, all, out.sitemap))
    if (routes.claim(file.path, file.source)) sink.write(file)
}
