// The site-wide generated files: rss.xml, atom.xml, sitemap.xml and calendar.json.

import type { ResolvedConfig } from '../config/index.js'
import type { PostMeta } from '../content/index.js'
import type { PlannedFile } from '../output/index.js'
import type { Collections, PostView, SitemapRoute } from '../site/index.js'
import { renderAtom, renderRss } from './feeds.js'
import { renderCalendar, renderSitemap } from './sitemap.js'

/** Watch mode keeps the last sitemap: most rebuilds change no route and no date. */
export interface SitemapMemo {
  routes?: readonly SitemapRoute[]
  text?: string
}

const sameRoutes = (a: readonly SitemapRoute[], b: readonly SitemapRoute[]) =>
  a.length === b.length &&
  a.every((r, i) => r.url === b[i]?.url && r.lastmod?.getTime() === b[i]?.lastmod?.getTime())

function sitemap(siteUrl: string, routes: readonly SitemapRoute[], memo?: SitemapMemo): string {
  if (memo?.routes && memo.text !== undefined && sameRoutes(memo.routes, routes)) return memo.text
  const text = renderSitemap(siteUrl, routes)
  if (memo) Object.assign(memo, { routes, text })
  return text
}

export function generatedFiles(
  config: ResolvedConfig,
  c: Collections,
  views: Map<PostMeta, PostView>,
  routes: readonly SitemapRoute[],
  memo?: SitemapMemo,
): PlannedFile[] {
  return [
    { path: 'rss.xml', source: 'bds:rss', contents: renderRss(config, c.listed, views) },
    { path: 'atom.xml', source: 'bds:atom', contents: renderAtom(config, c.listed, views) },
    { path: 'sitemap.xml', source: 'bds:sitemap', contents: sitemap(config.url, routes, memo) },
    { path: 'calendar.json', source: 'bds:calendar', contents: renderCalendar(c, config.timezone) },
  ]
}
