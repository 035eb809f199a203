// What a feed reader sees in a feed: each file read with feedsmith (an RSS, Atom and JSON Feed
// parser, independent of bds and of test/helpers/feeds.ts) and brought to one shape, so the
// formats of one feed can be compared item by item.

import { parseFeed } from 'feedsmith'

export interface ReaderItem {
  id: string
  link: string
  title: string
  /** Milliseconds since the epoch (NaN when the date does not parse). */
  published: number
  content: string
  terms: string[]
  authors: string[]
}

export interface ReaderFeed {
  format: string
  title: string
  home: string
  self: string
  items: ReaderItem[]
}

type Node = Record<string, unknown>

const list = (v: unknown): Node[] => (Array.isArray(v) ? (v as Node[]) : [])
/** A string, or the `value` of an Atom text construct. */
const str = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'object' && v ? str((v as Node).value) : ''
const time = (v: unknown) => Date.parse(str(v))
const selfOf = (links: unknown) => str(list(links).find((l) => l.rel === 'self')?.href)

function fromRss(feed: Node): ReaderFeed {
  const items = list(feed.items).map((i) => ({
    id: str((i.guid as Node | undefined)?.value),
    link: str(i.link),
    title: str(i.title),
    published: time(i.pubDate),
    content: str((i.content as Node | undefined)?.encoded),
    terms: list(i.categories).map((c) => str(c.name)),
    authors: ((i.dc as Node | undefined)?.creators as string[] | undefined) ?? [],
  }))
  const self = selfOf((feed.atom as Node | undefined)?.links)
  return { format: 'rss', title: str(feed.title), home: str(feed.link), self, items }
}

function fromAtom(feed: Node): ReaderFeed {
  const alternate = (links: unknown) =>
    str(list(links).find((l) => !l.rel || l.rel === 'alternate')?.href)
  const items = list(feed.entries).map((e) => ({
    id: str(e.id),
    link: alternate(e.links),
    title: str(e.title),
    published: time(e.published),
    content: str(e.content),
    terms: list(e.categories).map((c) => str(c.term)),
    authors: list(e.authors).map((a) => str(a.name)),
  }))
  const home = alternate(feed.links)
  return { format: 'atom', title: str(feed.title), home, self: selfOf(feed.links), items }
}

function fromJson(feed: Node): ReaderFeed {
  const items = list(feed.items).map((i) => ({
    id: str(i.id),
    link: str(i.url),
    title: str(i.title),
    published: time(i.date_published),
    content: str(i.content_html),
    terms: (i.tags as string[] | undefined) ?? [],
    authors: list(i.authors).map((a) => str(a.name)),
  }))
  const home = str(feed.home_page_url)
  return { format: 'json', title: str(feed.title), home, self: str(feed.feed_url), items }
}

/** The feed at `path` (rss.xml, atom.xml or feed.json) as a reader sees it. */
export function readFeed(path: string, text: string): ReaderFeed {
  const parsed = parseFeed(path.endsWith('.json') ? JSON.parse(text) : text) as {
    format: string
    feed: Node
  }
  if (parsed.format === 'rss') return fromRss(parsed.feed)
  if (parsed.format === 'atom') return fromAtom(parsed.feed)
  if (parsed.format === 'json') return fromJson(parsed.feed)
  throw new Error(`${path}: read as ${parsed.format}`)
}
