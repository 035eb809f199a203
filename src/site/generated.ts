// The site-wide generated files: rss.xml, atom.xml, sitemap.xml and calendar.json.

import type { ResolvedConfig } from '../config/index.js'
import type { Post } from '../content/index.js'
import type { PlannedFile } from '../output/index.js'
import type { Collections } from './collections.js'
import { renderAtom, renderRss } from './feeds.js'
import type { SitemapRoute } from './pages.js'
import { renderCalendar, renderSitemap } from './sitemap.js'
import type { PostView } from './views.js'

/** Watch mode keeps the last sitemap: most rebuilds change no route and no date. */
export interface SitemapMemo {
  key?: string
  text?: string
}

function sitemap(siteUrl: string, routes: readonly SitemapRoute[], memo?: SitemapMemo): string {
  if (!memo) return renderSitemap(siteUrl, routes)
  const key = routes.map((r) => `${r.url} ${r.lastmod?.getTime() ?? ''}`).join('\n')
  if (memo.key !== key || memo.text === undefined) {
    memo.key = key
    memo.text = renderSitemap(siteUrl, routes)
  }
  return memo.text
}

export function generatedFiles(
  config: ResolvedConfig,
  c: Collections,
  views: Map<Post, PostView>,
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
