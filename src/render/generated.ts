// The generated files: rss.xml and atom.xml of each language tree, sitemap.xml over all of
// them and calendar.json.

import type { ResolvedConfig } from '../config/index.js'
import type { PostMeta } from '../content/index.js'
import type { PlannedFile } from '../output/index.js'
import type { Collections, PostView, SitemapRoute, Tree } from '../site/index.js'
import { feedStyle, renderAtom, renderRss } from './feeds.js'
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

/** rss.xml and atom.xml of a tree (in its folder; their URLs under its prefix). */
export function feedFiles(
  config: ResolvedConfig,
  tree: Tree,
  listed: readonly PostMeta[],
  views: Map<PostMeta, PostView>,
): PlannedFile[] {
  const style = feedStyle(config, tree.prefix, tree.language || config.language)
  // The tree's own folder: the output folder is the base path.
  const own = tree.prefix.slice(tree.base.length)
  const dir = own ? `${own.slice(1)}/` : ''
  const source = (kind: string) => `bds:${kind}${own ? ` ${own}` : ''}`
  return [
    {
      path: `${dir}rss.xml`,
      source: source('rss'),
      contents: renderRss(config, listed, views, style),
    },
    {
      path: `${dir}atom.xml`,
      source: source('atom'),
      contents: renderAtom(config, listed, views, style),
    },
  ]
}

/** sitemap.xml over every tree's routes and the main tree's calendar.json. */
export function siteFiles(
  config: ResolvedConfig,
  c: Collections,
  routes: readonly SitemapRoute[],
  memo?: SitemapMemo,
): PlannedFile[] {
  return [
    { path: 'sitemap.xml', source: 'bds:sitemap', contents: sitemap(config.origin, routes, memo) },
    { path: 'calendar.json', source: 'bds:calendar', contents: renderCalendar(c, config.timezone) },
  ]
}
