// The generated step: rss.xml, atom.xml, sitemap.xml and calendar.json for the whole site, each
// claimed in the route table (a static file of the same name is reported, not written twice).

import type { ResolvedConfig } from '../../config/index.js'
import type { FileSink } from '../../output/index.js'
import { generatedFiles, type SitemapMemo } from '../../render/index.js'
import type { RouteTable, SitemapRoute } from '../../site/index.js'
import type { SiteModel } from '../model.js'

export function emitGenerated(
  config: ResolvedConfig,
  model: SiteModel,
  sitemapRoutes: readonly SitemapRoute[],
  routes: RouteTable,
  sink: FileSink,
  memo?: SitemapMemo,
): void {
  const files = generatedFiles(config, model.index.collections, model.views, sitemapRoutes, memo)
  for (const file of files) if (routes.claim(file.path, file.source)) sink.write(file)
}
