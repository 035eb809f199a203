// The generated files: the feeds of each language tree (rss.xml, atom.xml, feed.json) and of
// the archives that have their own, sitemap.xml over every tree and calendar.json.

import type { FeedFormat, ResolvedConfig } from '../config/index.js'
import type { PostMeta } from '../content/index.js'
import type { PlannedFile } from '../output/index.js'
import {
  type Collections,
  FEED_FORMATS,
  type ListSpec,
  type PostView,
  type SitemapRoute,
} from '../site/index.js'
import { renderAtom, renderRss } from './feed-xml.js'
import { archiveStyle, type FeedStyle, feedStyle } from './feeds.js'
import { renderJsonFeed } from './json-feed.js'
import { renderCalendar, renderSitemap } from './sitemap.js'

const renderers: Record<FeedFormat, typeof renderRss> = {
  rss: renderRss,
  atom: renderAtom,
  json: renderJsonFeed,
}

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

/** The files of one feed in each format, in the folder `base` (a URL path ending in `/`). */
function feedSet(
  config: ResolvedConfig,
  base: string,
  posts: readonly PostMeta[],
  views: ReadonlyMap<PostMeta, PostView>,
  style: FeedStyle,
): PlannedFile[] {
  // The folder under the output folder: the output folder is the base path.
  const own = base.slice(config.basePath.length)
  const dir = decodeURIComponent(own.slice(1))
  return config.feeds.formats.map((format) => {
    const { file } = FEED_FORMATS[format]
    const contents = renderers[format](config, posts, views, style)
    return { path: `${dir}${file}`, source: `bds:feed ${own}${file}`, contents }
  })
}

/** The feeds of a tree (under its prefix) and of each of its lists that has its own. */
export function feedFiles(
  config: ResolvedConfig,
  tree: { language: string; prefix: string },
  lists: readonly ListSpec[],
  views: ReadonlyMap<PostMeta, PostView>,
): PlannedFile[] {
  const style = feedStyle(config, tree.prefix, tree.language || config.language)
  return lists.flatMap((list) => {
    if (list.kind === 'home') return feedSet(config, `${tree.prefix}/`, list.posts, views, style)
    if (!list.feeds) return []
    return feedSet(config, list.base, list.posts, views, archiveStyle(style, config, list))
  })
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
