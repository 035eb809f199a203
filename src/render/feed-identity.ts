// The strings and dates bDS wrote into rss.xml and atom.xml, so a reader subscribed to the
// bDS feed sees no item as new after the switch (rfc1437/bDS src/main/engine/
// GenerationSitemapFeedService.ts buildSitemapAndFeeds, BlogGenerationEngine.ts). Pure.

import { pad2, zonedParts } from '../util/time.js'

export interface FeedPost {
  slug: string
  /** createdAt: decides the /YYYY/MM/DD/ of the permalink and the feed order. */
  date: Date
  updated: Date
  published?: Date
}

/**
 * bDS's permalink: site URL, optional language prefix (`/fr` in a subtree), then
 * `/YYYY/MM/DD/slug` with no trailing slash. `timeZone` should be the zone bDS ran in.
 */
export function bdsPermalink(
  post: FeedPost,
  siteUrl: string,
  timeZone: string,
  languagePrefix = '',
): string {
  const d = zonedParts(post.date, timeZone)
  const base = siteUrl.replace(/\/+$/, '') + languagePrefix
  return `${base}/${d.year}/${pad2(d.month)}/${pad2(d.day)}/${post.slug}`
}

/** RSS `<guid isPermaLink="true">` and Atom `<id>`: the permalink. */
export const bdsItemId = bdsPermalink

/** RSS `<link>` and Atom `<link href>`: the permalink as well. */
export const bdsItemLink = bdsPermalink

/** RSS pubDate and Atom published: publishedAt, else updatedAt (never createdAt). */
export const bdsItemPublished = (post: FeedPost): Date => post.published ?? post.updated

/** Atom `<updated>` of an entry: updatedAt. */
export const bdsItemUpdated = (post: FeedPost): Date => post.updated

/**
 * The feed's items: the first `count` list posts, newest `createdAt` first (bDS uses
 * maxPostsPerPage as the count). `listPosts` must already be list posts.
 */
export function bdsFeedPosts<T extends FeedPost>(listPosts: readonly T[], count: number): T[] {
  const newest = [...listPosts].sort((a, b) => b.date.getTime() - a.date.getTime())
  return newest.slice(0, Math.max(0, count))
}

/**
 * RSS lastBuildDate and Atom feed `<updated>`: the updatedAt of the newest-created feed post
 * (not the latest update of any post); undefined for an empty feed, where bDS wrote the clock.
 */
export const bdsFeedUpdated = (feedPosts: readonly FeedPost[]): Date | undefined =>
  feedPosts[0]?.updated

/** Atom feed `<id>` and the channel link: the site URL (plus prefix) with a trailing slash. */
export const bdsFeedId = (siteUrl: string, languagePrefix = ''): string =>
  `${siteUrl.replace(/\/+$/, '')}${languagePrefix}/`
