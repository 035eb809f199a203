// RSS 2.0 and Atom feeds of a tree's newest list posts: rendered HTML content with every link
// made absolute. Dates come from the posts, never the clock, so feeds are byte-stable.

import type { ResolvedConfig } from '../config/index.js'
import type { PostMeta } from '../content/index.js'
import type { PostView } from '../site/index.js'
import { escapeXml } from '../util/html.js'
import { isoUtc } from '../util/time.js'
import { bdsFeedId, bdsFeedUpdated, bdsItemPublished, bdsPermalink } from './feed-identity.js'

/** Rewrites relative href/src values in an HTML fragment to absolute URLs. */
export function absolutizeHtml(html: string, pageUrl: string): string {
  return html.replace(
    /\b(href|src)=(["'])(.*?)\2/g,
    (whole, attr: string, q: string, value: string) => {
      if (/^([a-z][a-z0-9+.-]*:|#)/i.test(value) || value === '') return whole
      try {
        return `${attr}=${q}${new URL(value, pageUrl).href}${q}`
      } catch {
        return whole
      }
    },
  )
}

/** What differs between feeds: a tree's URLs and language, and bDS's item identity. */
export interface FeedStyle {
  /** The tree's home page (absolute, with a trailing slash). */
  home: string
  /** The tree's folder for rss.xml and atom.xml (absolute, no trailing slash). */
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
  if (!config.bdsProject) {
    return {
      home: `${base}/`,
      base,
      language,
      link: (_post, view) => origin + view.url,
      published: (post) => post.published ?? post.date,
      updated: newestUpdate,
    }
  }
  return {
    home: bdsFeedId(origin, prefix),
    base,
    language,
    link: (post) => bdsPermalink(post, origin, config.timezone, prefix),
    published: bdsItemPublished,
    updated: bdsFeedUpdated,
  }
}

interface FeedItem {
  view: PostView
  post: PostMeta
  link: string
  content: string
  summary: string
}

function items(
  config: ResolvedConfig,
  posts: readonly PostMeta[],
  views: Map<PostMeta, PostView>,
  style: FeedStyle,
): FeedItem[] {
  return posts.slice(0, config.feedItems).map((post) => {
    const view = views.get(post) as PostView
    const page = config.origin + view.url
    return {
      view,
      post,
      link: style.link(post, view),
      content: absolutizeHtml(String(view.content), page),
      summary: absolutizeHtml(String(view.excerpt), page),
    }
  })
}

export function renderRss(
  config: ResolvedConfig,
  posts: readonly PostMeta[],
  views: Map<PostMeta, PostView>,
  style = feedStyle(config),
): string {
  const list = items(config, posts, views, style)
  const out = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    `<title>${escapeXml(config.title)}</title>`,
    `<link>${escapeXml(style.home)}</link>`,
    `<description>${escapeXml(config.description || config.title)}</description>`,
    `<language>${escapeXml(style.language)}</language>`,
    '<generator>bds</generator>',
    `<atom:link href="${escapeXml(`${style.base}/rss.xml`)}" rel="self" type="application/rss+xml"/>`,
  ]
  const updated = style.updated(list.map((i) => i.post))
  if (updated) out.push(`<lastBuildDate>${updated.toUTCString()}</lastBuildDate>`)
  for (const i of list) {
    out.push(
      '<item>',
      `<title>${escapeXml(i.post.title)}</title>`,
      `<link>${escapeXml(i.link)}</link>`,
      `<guid isPermaLink="true">${escapeXml(i.link)}</guid>`,
      `<pubDate>${style.published(i.post).toUTCString()}</pubDate>`,
      ...(i.post.author ? [`<dc:creator>${escapeXml(i.post.author)}</dc:creator>`] : []),
      ...[...i.post.categories, ...i.post.tags].map((t) => `<category>${escapeXml(t)}</category>`),
      `<description>${escapeXml(i.summary)}</description>`,
      `<content:encoded>${escapeXml(i.content)}</content:encoded>`,
      '</item>',
    )
  }
  out.push('</channel>', '</rss>', '')
  return out.join('\n')
}

export function renderAtom(
  config: ResolvedConfig,
  posts: readonly PostMeta[],
  views: Map<PostMeta, PostView>,
  style = feedStyle(config),
): string {
  const list = items(config, posts, views, style)
  const author = config.author || config.title
  const updated = style.updated(list.map((i) => i.post)) ?? new Date(0)
  const out = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(style.language)}">`,
    `<title>${escapeXml(config.title)}</title>`,
    ...(config.description ? [`<subtitle>${escapeXml(config.description)}</subtitle>`] : []),
    `<link href="${escapeXml(style.home)}"/>`,
    `<link rel="self" type="application/atom+xml" href="${escapeXml(`${style.base}/atom.xml`)}"/>`,
    `<id>${escapeXml(style.home)}</id>`,
    `<updated>${isoUtc(updated)}</updated>`,
    `<author><name>${escapeXml(author)}</name></author>`,
    '<generator>bds</generator>',
  ]
  for (const i of list) {
    out.push(
      '<entry>',
      `<title>${escapeXml(i.post.title)}</title>`,
      `<link href="${escapeXml(i.link)}"/>`,
      `<id>${escapeXml(i.link)}</id>`,
      `<published>${isoUtc(style.published(i.post))}</published>`,
      `<updated>${isoUtc(i.post.updated)}</updated>`,
      ...(i.post.author ? [`<author><name>${escapeXml(i.post.author)}</name></author>`] : []),
      ...[...i.post.categories, ...i.post.tags].map((t) => `<category term="${escapeXml(t)}"/>`),
      ...(i.summary ? [`<summary type="html">${escapeXml(i.summary)}</summary>`] : []),
      `<content type="html">${escapeXml(i.content)}</content>`,
      '</entry>',
    )
  }
  out.push('</feed>', '')
  return out.join('\n')
}
