// The site-wide generated files: rss.xml, atom.xml, sitemap.xml and calendar.json.

import type { ResolvedConfig } from '../config/index.js'
import type { Post } from '../content/index.js'
import type { PlannedFile } from '../output/index.js'
import type { Collections } from './collections.js'
import { renderAtom, renderRss } from './feeds.js'
import type { SitemapRoute } from './pages.js'
import { renderCalendar, renderSitemap } from './sitemap.js'
import type { PostView } from './views.js'

export function generatedFiles(
  config: ResolvedConfig,
  c: Collections,
  views: Map<Post, PostView>,
  routes: readonly SitemapRoute[],
): PlannedFile[] {
  return [
    { path: 'rss.xml', source: 'bds:rss', contents: renderRss(config, c.listed, views) },
    { path: 'atom.xml', source: 'bds:atom', contents: renderAtom(config, c.listed, views) },
    { path: 'sitemap.xml', source: 'bds:sitemap', contents: renderSitemap(config.url, routes) },
    { path: 'calendar.json', source: 'bds:calendar', contents: renderCalendar(c, config.timezone) },
  ]
}
