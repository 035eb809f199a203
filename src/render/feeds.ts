// What every feed of a tree shares: its style (URLs, title, language and bDS's item identity
// for a bDS project) and its items — the newest list posts with their rendered HTML and every
// link made absolute. Dates come from the posts, never the clock, so feeds are byte-stable.

import type { ResolvedConfig } from '../config/index.js'
import type { PostMeta } from '../content/index.js'
import type { ListSpec, PostView } from '../site/index.js'
import { resolveLinks } from '../util/html-links.js'
import { bdsFeedId, bdsFeedUpdated, bdsItemPublished, bdsPermalink } from './feed-identity.js'

/**
 * Rewrites the relative URLs of an HTML fragment (href, src, poster, srcset; quoted or not;
 * `#x` too) to absolute URLs against `pageUrl`, the page the fragment was written for.
 */
export const absolutizeHtml = (html: string, pageUrl: string): string => resolveLinks(html, pageUrl)

/** What differs between feeds: a tree's or an archive's URLs, and bDS's item identity. */
export interface FeedStyle {
  /** The feed's title: the site's, or the site's and the archive's. */
  title: string
  /** The page the feed is of (absolute, with a trailing slash): its link, Atom id. */
  home: string
  /** The folder of its files (absolute, no trailing slash): self links. */
  base: string
  language: string
  /** An item's link, guid and Atom id. */
  link(post: PostMeta, view: PostView): string
  /** An item's pubDate and Atom published. */
  published(post: PostMeta): Date
  /** lastBuildDate and the feed's Atom updated (undefined for an empty feed). */
  updated(items: readonly PostMeta[]): Date | undefined
}

const newestUpdate = (posts: readonly PostMeta[]) =>
  posts.length === 0 ? undefined : new Date(Math.max(...posts.map((p) => p.updated.getTime())))

/**
 * bds's feeds, or — for a bDS project — the strings and dates bDS wrote (render/feed-identity.ts),
 * so a reader subscribed before the switch sees no item as new.
 */
export function feedStyle(
  config: ResolvedConfig,
  prefix = config.basePath,
  language = config.language,
): FeedStyle {
  // `prefix` holds the base path, so absolute URLs start with the origin alone.
  const { origin } = config
  const base = origin + prefix
  const title = config.title
  if (!config.bdsProject) {
    return {
      title,
      home: `${base}/`,
      base,
      language,
      link: (_post, view) => origin + view.url,
      published: (post) => post.published ?? post.date,
      updated: newestUpdate,
    }
  }
  return {
    title,
    home: bdsFeedId(origin, prefix),
    base,
    language,
    link: (post) => bdsPermalink(post, origin, config.timezone, prefix),
    published: bdsItemPublished,
    updated: bdsFeedUpdated,
  }
}

/** The feeds of an archive (`/tag/NAME/rss.xml`): the tree's style at the archive's URL. */
export function archiveStyle(tree: FeedStyle, config: ResolvedConfig, list: ListSpec): FeedStyle {
  // `list.base` holds the base path, so the URL starts with the origin alone.
  const home = config.origin + list.base
  return { ...tree, title: `${tree.title} · ${list.title}`, home, base: home.replace(/\/$/, '') }
}

export interface FeedItem {
  view: PostView
  post: PostMeta
  link: string
  /** The post's HTML and excerpt with absolute links. */
  content: string
  summary: string
}

/** Absolute HTML per view: a post is in the tree's feeds and in those of its archives. */
const absolute = new WeakMap<PostView, { page: string; content: string; summary: string }>()

function absoluteHtml(view: PostView, page: string) {
  let known = absolute.get(view)
  if (known?.page !== page) {
    const content = absolutizeHtml(String(view.content), page)
    known = { page, content, summary: absolutizeHtml(String(view.excerpt), page) }
    absolute.set(view, known)
  }
  return known
}

/** The newest `config.feedItems` of `posts` (newest first) as feed items. */
export function feedItems(
  config: ResolvedConfig,
  posts: readonly PostMeta[],
  views: ReadonlyMap<PostMeta, PostView>,
  style: FeedStyle,
): FeedItem[] {
  return posts.slice(0, config.feedItems).map((post) => {
    const view = views.get(post) as PostView
    const { content, summary } = absoluteHtml(view, config.origin + view.url)
    return { view, post, link: style.link(post, view), content, summary }
  })
}
