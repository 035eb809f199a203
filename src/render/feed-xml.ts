// RSS 2.0 and Atom (RFC 4287) documents from feed items: every element either format
// requires, categories then tags, HTML content escaped as text.

import type { ResolvedConfig } from '../config/index.js'
import type { PostMeta } from '../content/index.js'
import type { PostView } from '../site/index.js'
import { escapeXml } from '../util/html.js'
import { isoUtc } from '../util/time.js'
import { feedItems, feedStyle } from './feeds.js'

export function renderRss(
  config: ResolvedConfig,
  posts: readonly PostMeta[],
  views: ReadonlyMap<PostMeta, PostView>,
  style = feedStyle(config),
): string {
  const list = feedItems(config, posts, views, style)
  const out = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    `<title>${escapeXml(style.title)}</title>`,
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
  views: ReadonlyMap<PostMeta, PostView>,
  style = feedStyle(config),
): string {
  const list = feedItems(config, posts, views, style)
  const author = config.author || config.title
  const updated = style.updated(list.map((i) => i.post)) ?? new Date(0)
  const out = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(style.language)}">`,
    `<title>${escapeXml(style.title)}</title>`,
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
