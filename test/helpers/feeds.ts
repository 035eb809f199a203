// Feed checks for tests: RSS 2.0 and Atom (RFC 4287) parsed with fast-xml-parser and their
// required elements checked; JSON Feed 1.1 against its JSON Schema (ajv); in every format,
// every link inside item content must be absolute. Each returns a list of problems, [] if none.

import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import { XMLParser, XMLValidator } from 'fast-xml-parser'

type Node = Record<string, unknown>

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  isArray: (name) => ['item', 'entry', 'link', 'atom:link', 'category', 'author'].includes(name),
})

const RFC822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/
const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i

/** An element's text (the first, for an element parsed as a list). */
const text = (v: unknown): string =>
  typeof v === 'string'
    ? v
    : Array.isArray(v)
      ? text(v[0])
      : typeof v === 'object' && v
        ? text((v as Node)['#text'])
        : ''

/** Relative URLs in an HTML fragment (href, src, poster, each srcset candidate). */
export function relativeLinks(html: string): string[] {
  const found: string[] = []
  const attr = /\s(href|src|poster|srcset)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi
  for (const m of html.matchAll(attr)) {
    const value = (m[2] ?? m[3] ?? m[4] ?? '').replace(/&amp;/g, '&')
    const urls =
      m[1]?.toLowerCase() === 'srcset'
        ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '')
        : [value.trim()]
    for (const url of urls) if (url && !ABSOLUTE.test(url)) found.push(url)
  }
  return found
}

function parse(xml: string): { doc?: Node; problems: string[] } {
  const valid = XMLValidator.validate(xml)
  if (valid !== true)
    return { problems: [`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`] }
  return { doc: parser.parse(xml) as Node, problems: [] }
}

/** RSS 2.0: channel title, link, description; items with a title or description, dates. */
export function checkRss(xml: string): string[] {
  const { doc, problems } = parse(xml)
  if (!doc) return problems
  const rss = doc.rss as Node | undefined
  if (rss?.['@_version'] !== '2.0') return ['<rss version="2.0"> is missing']
  const channel = rss.channel as Node | undefined
  if (!channel) return ['<channel> is missing']
  for (const key of ['title', 'link', 'description'])
    if (!text(channel[key])) problems.push(`channel <${key}> is missing`)
  if (!ABSOLUTE.test(text(channel.link))) problems.push('channel <link> is not absolute')
  const self = (channel['atom:link'] as Node[] | undefined)?.find((l) => l['@_rel'] === 'self')
  if (!ABSOLUTE.test(String(self?.['@_href'] ?? ''))) problems.push('no absolute self link')
  const built = text(channel.lastBuildDate)
  if (built && !RFC822.test(built)) problems.push(`lastBuildDate "${built}" is not RFC 822`)
  for (const [i, item] of ((channel.item as Node[] | undefined) ?? []).entries()) {
    const at = `item ${i + 1}`
    if (!text(item.title) && !text(item.description))
      problems.push(`${at}: no title or description`)
    if (!ABSOLUTE.test(text(item.link))) problems.push(`${at}: <link> is not absolute`)
    if (!text(item.guid)) problems.push(`${at}: no <guid>`)
    if (!RFC822.test(text(item.pubDate))) problems.push(`${at}: pubDate is not RFC 822`)
    for (const key of ['description', 'content:encoded'])
      for (const url of relativeLinks(text(item[key]))) problems.push(`${at}: relative link ${url}`)
  }
  return problems
}

/** Atom (RFC 4287 §4.1): feed and entry id, title, updated; an author; content or a link. */
export function checkAtom(xml: string): string[] {
  const { doc, problems } = parse(xml)
  if (!doc) return problems
  const feed = doc.feed as Node | undefined
  if (feed?.['@_xmlns'] !== 'http://www.w3.org/2005/Atom')
    return ['<feed> in the Atom namespace is missing']
  const links = (node: Node) => (node.link as Node[] | undefined) ?? []
  if (!ABSOLUTE.test(text(feed.id))) problems.push('feed <id> is not an absolute IRI')
  if (!text(feed.title)) problems.push('feed <title> is missing')
  if (!RFC3339.test(text(feed.updated))) problems.push('feed <updated> is not RFC 3339')
  if (!links(feed).some((l) => l['@_rel'] === 'self' && ABSOLUTE.test(String(l['@_href']))))
    problems.push('no absolute self link')
  const feedAuthor = ((feed.author as Node[] | undefined) ?? []).some((a) => text(a.name))
  const ids = new Set<string>()
  for (const [i, entry] of ((feed.entry as Node[] | undefined) ?? []).entries()) {
    const at = `entry ${i + 1}`
    const id = text(entry.id)
    if (!ABSOLUTE.test(id)) problems.push(`${at}: <id> is not an absolute IRI`)
    if (ids.has(id)) problems.push(`${at}: <id> ${id} repeats`)
    ids.add(id)
    if (!text(entry.title)) problems.push(`${at}: no <title>`)
    if (!RFC3339.test(text(entry.updated))) problems.push(`${at}: <updated> is not RFC 3339`)
    const published = text(entry.published)
    if (published && !RFC3339.test(published)) problems.push(`${at}: <published> is not RFC 3339`)
    if (!feedAuthor && !((entry.author as Node[] | undefined) ?? []).some((a) => text(a.name)))
      problems.push(`${at}: no author`)
    const alternate = links(entry).some((l) => !l['@_rel'] || l['@_rel'] === 'alternate')
    if (!entry.content && !alternate) problems.push(`${at}: no <content> and no alternate link`)
    for (const key of ['summary', 'content'])
      for (const url of relativeLinks(text(entry[key])))
        problems.push(`${at}: relative link ${url}`)
  }
  return problems
}

const schema = JSON.parse(
  readFileSync(new URL('./jsonfeed-1.1.schema.json', import.meta.url), 'utf8'),
) as object
const validate = new Ajv({ allErrors: true }).compile(schema)

/** JSON Feed 1.1 against test/helpers/jsonfeed-1.1.schema.json, ids unique, links absolute. */
export function checkJsonFeed(json: string): string[] {
  let feed: { items?: { id?: string; content_html?: string }[] }
  try {
    feed = JSON.parse(json)
  } catch (error) {
    return [`not JSON: ${(error as Error).message}`]
  }
  const problems = validate(feed)
    ? []
    : (validate.errors ?? []).map((e) => {
        const key = (e.params as { additionalProperty?: string }).additionalProperty
        return `${e.instancePath || '/'} ${e.message}${key ? ` (${key})` : ''}`
      })
  const ids = new Set<string>()
  for (const [i, item] of (feed.items ?? []).entries()) {
    if (item.id && ids.has(item.id)) problems.push(`item ${i + 1}: id ${item.id} repeats`)
    if (item.id) ids.add(item.id)
    for (const url of relativeLinks(item.content_html ?? ''))
      problems.push(`item ${i + 1}: relative link ${url}`)
  }
  return problems
}

/** The check for a feed file by its name; undefined for other files. */
export function feedCheck(path: string): ((text: string) => string[]) | undefined {
  if (path.endsWith('rss.xml')) return checkRss
  if (path.endsWith('atom.xml')) return checkAtom
  if (path.endsWith('feed.json')) return checkJsonFeed
  return undefined
}
