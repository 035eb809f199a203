// RSS 2.0 and Atom feeds of the newest listed posts: rendered HTML content with every link
// made absolute. Dates come from the posts, never the clock, so feeds are byte-stable.

import type { ResolvedConfig } from '../config/index.js'
import type { PostMeta } from '../content/index.js'
import type { PostView } from '../site/index.js'
import { escapeXml } from '../util/html.js'
import { isoUtc } from '../util/time.js'

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

interface FeedItem {
  view: PostView
  post: PostMeta
  link: string
  content: string
  summary: string
}

function items(
  config: ResolvedConfig,
  posts: PostMeta[],
  views: Map<PostMeta, PostView>,
): FeedItem[] {
  return posts.slice(0, config.feedItems).map((post) => {
    const view = views.get(post) as PostView
    const link = config.url + view.url
    return {
      view,
      post,
      link,
      content: absolutizeHtml(String(view.content), link),
      summary: absolutizeHtml(String(view.excerpt), link),
    }
  })
}

const newest = (list: FeedItem[]) =>
  list.reduce((max, i) => Math.max(max, i.post.updated.getTime()), 0)

export function renderRss(
  config: ResolvedConfig,
  posts: PostMeta[],
  views: Map<PostMeta, PostView>,
): string {
  const list = items(config, posts, views)
  const home = `${config.url}/`
  const out = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    `<title>${escapeXml(config.title)}</title>`,
    `<link>${escapeXml(home)}</link>`,
    `<description>${escapeXml(config.description || config.title)}</description>`,
    `<language>${escapeXml(config.language)}</language>`,
    '<generator>bds</generator>',
    `<atom:link href="${escapeXml(`${config.url}/rss.xml`)}" rel="self" type="application/rss+xml"/>`,
  ]
  if (list.length)
    out.push(`<lastBuildDate>${new Date(newest(list)).toUTCString()}</lastBuildDate>`)
  for (const i of list) {
    out.push(
      '<item>',
      `<title>${escapeXml(i.post.title)}</title>`,
      `<link>${escapeXml(i.link)}</link>`,
      `<guid isPermaLink="true">${escapeXml(i.link)}</guid>`,
      `<pubDate>${(i.post.published ?? i.post.date).toUTCString()}</pubDate>`,
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
  posts: PostMeta[],
  views: Map<PostMeta, PostView>,
): string {
  const list = items(config, posts, views)
  const home = `${config.url}/`
  const author = config.author || config.title
  const out = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(config.language)}">`,
    `<title>${escapeXml(config.title)}</title>`,
    ...(config.description ? [`<subtitle>${escapeXml(config.description)}</subtitle>`] : []),
    `<link href="${escapeXml(home)}"/>`,
    `<link rel="self" type="application/atom+xml" href="${escapeXml(`${config.url}/atom.xml`)}"/>`,
    `<id>${escapeXml(home)}</id>`,
    `<updated>${isoUtc(new Date(newest(list)))}</updated>`,
    `<author><name>${escapeXml(author)}</name></author>`,
    '<generator>bds</generator>',
  ]
  for (const i of list) {
    out.push(
      '<entry>',
      `<title>${escapeXml(i.post.title)}</title>`,
      `<link href="${escapeXml(i.link)}"/>`,
      `<id>${escapeXml(i.link)}</id>`,
      `<published>${isoUtc(i.post.published ?? i.post.date)}</published>`,
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
