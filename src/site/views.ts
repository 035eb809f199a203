// Template-facing objects: what `post`, `site` and list entries look like inside Liquid.
// Built once per post and shared by every page that shows it.

import { Drop } from 'liquidjs'
import type { ResolvedConfig } from '../config/index.js'
import type { PostMeta } from '../content/index.js'
import { translate } from '../locales/index.js'
import { flatten } from '../util/flatten.js'
import { escapeHtml } from '../util/html.js'
import { resolveLinks } from '../util/html-links.js'
import type { Collections } from './collections.js'
import { feedLinks } from './feed-links.js'
import { siteNav } from './nav.js'
import { termUrl, yearUrl } from './routes.js'
import { searchPartCount, searchPartDir } from './search-parts.js'
import type { SiteIndex } from './site-index.js'

export interface Rendered {
  post: PostMeta
  url: string
  /** The body's HTML, or how to read it when a template shows it (a render worker's). */
  html: string | (() => string)
  excerpt: string
}

/** A body whose HTML is read when shown (build/body-file.ts). */
export interface LazyBody {
  html: () => string
  excerpt: string
}

export type PostView = Record<string, unknown> & { url: string; title: string }

/**
 * A post's fields as own properties, and `summary_html` when a template asks for it: the
 * post-summary partial rendered once per post and reused by every list that shows it (lists
 * render it tens of thousands of times). liquidjs asks a Drop for a property it lacks. An
 * accessor on a plain object would make V8 keep every view as a dictionary (~1.5 KB more).
 */
class PostDrop extends Drop {
  readonly #summaries: Summaries | undefined
  readonly #read: (() => string) | undefined

  constructor(
    fields: Record<string, unknown>,
    summaries: Summaries | undefined,
    read?: () => string,
  ) {
    super()
    Object.assign(this, fields)
    this.#summaries = summaries
    this.#read = read
    // A body read when shown stays an own, enumerable `content` in its place (one getter
    // shared by every view): templates, JSON and loops over the view see what they would see.
    if (read) Object.defineProperty(this, 'content', LAZY_CONTENT)
  }

  static contentOf(drop: PostDrop): string {
    return drop.#read?.() ?? ''
  }

  override liquidMethodMissing(key: string): unknown {
    if (key !== 'summary_html' || !this.#summaries) return undefined
    return summaryOf(this as unknown as PostView, this.#summaries)
  }
}

const LAZY_CONTENT: PropertyDescriptor = {
  get(this: PostDrop) {
    return PostDrop.contentOf(this)
  },
  enumerable: true,
  configurable: true,
}

/**
 * A post as templates see it (with `summaries`, its `summary_html` too). `origin` is the
 * site's `scheme://host`: `r.url` carries the base path.
 */
export function postView(
  r: Rendered,
  origin: string,
  c: Pick<Collections, 'termName' | 'hasTerm' | 'taxonomies'>,
  listTitle = true,
  prefix = '',
  summaries?: Summaries,
): PostView {
  const p = r.post
  // A term links to its archive only when it has one (list posts made it).
  const term = (kind: string, raw: string, path = kind) => {
    const name = c.termName(kind, raw)
    return c.hasTerm(kind, name) ? { name, url: termUrl(path, name, prefix) } : { name }
  }
  const taxonomies: Record<string, { name: string; url?: string }[]> = {}
  for (const { taxonomy: t } of c.taxonomies)
    taxonomies[t.name] = (p.taxonomies?.[t.name] ?? []).map((n) => term(t.name, n, t.path))
  const fields = {
    id: p.id,
    kind: p.kind,
    title: p.title,
    untitled: p.untitled,
    list_title: listTitle,
    slug: p.slug,
    url: r.url,
    absolute_url: origin + r.url,
    date: p.date,
    updated: p.updated,
    published: p.published,
    content: typeof r.html === 'string' ? r.html : '',
    // Lists show the excerpt away from the post: its relative links are resolved against it.
    excerpt:
      p.excerpt !== undefined ? `<p>${escapeHtml(p.excerpt)}</p>` : resolveLinks(r.excerpt, r.url),
    tags: p.tags.map((name) => term('tag', name)),
    categories: p.categories.map((name) => term('category', name)),
    taxonomies,
    author: p.author,
    language: p.language,
    status: p.status,
    file: p.file,
    data: p.data,
  }
  const read = typeof r.html === 'string' ? undefined : r.html
  return new PostDrop(fields, summaries, read) as unknown as PostView
}

export const SUMMARY = 'partials/post-summary.liquid'

/**
 * Where summaries come from: the current engine and the HTML rendered so far. A build makes
 * one per model; watch mode keeps one across rebuilds, swapping the engine and dropping the
 * HTML when the summary template or what it reads changes.
 */
export interface Summaries {
  templates: { render(n: string, s: Record<string, unknown>): string }
  html: Map<PostView, string>
}

function summaryOf(view: PostView, summaries: Summaries): string {
  let html = summaries.html.get(view)
  if (html === undefined) {
    html = flatten(summaries.templates.render(SUMMARY, { post: view }))
    summaries.html.set(view, html)
  }
  return html
}

const otherParts = (prefix: string, posts: number, size: number) =>
  Array.from(
    { length: searchPartCount(posts, size) - 1 },
    (_, k) => `${prefix}/${searchPartDir(k + 1)}`,
  )

export function siteView(
  config: ResolvedConfig,
  index: SiteIndex,
  views: Map<PostMeta, PostView>,
): Record<string, unknown> {
  const c = index.collections
  const { prefix } = index.tree
  const language = index.tree.language || config.language
  const feeds = feedLinks(config.feeds.formats, `${prefix}/`, config.title)
  return {
    title: config.title,
    description: config.description,
    url: config.url,
    language,
    home_url: `${prefix}/`,
    rss_url: `${prefix}/rss.xml`,
    atom_url: `${prefix}/atom.xml`,
    /** The tree's search page and Pagefind bundle ('' when `search` is off). */
    search_url: config.search ? `${prefix}/search/` : '',
    search_bundle: config.search ? `${prefix}/${searchPartDir(0)}` : '',
    /** The other parts of a big tree's index, which the search page merges (decision 0028). */
    search_parts: config.search
      ? otherParts(prefix, index.posts.length, config.searchPartSize)
      : [],
    json_feed_url: feeds.find((f) => f.format === 'json')?.url,
    /** The tree's feeds, one per format, for `<link rel="alternate">`. */
    feeds,
    /** The site's languages, for a switcher (one entry when there are no subtrees). */
    languages: [config.language, ...config.languages].map((code, i) => ({
      code,
      name: translate(code, 'theme.languageName'),
      home_url: i === 0 ? `${index.tree.base}/` : `${index.tree.base}/${code}/`,
      current: code === language,
    })),
    author: config.author,
    timezone: config.timezone,
    pages: c.pages.map((p) => ({ title: p.title, url: views.get(p)?.url })),
    nav: siteNav(config, c.pages, views),
    tags: index.tags,
    categories: index.categories,
    /** Each custom taxonomy by name: its title and its terms (`{name, url, count}`). */
    taxonomies: Object.fromEntries(
      c.taxonomies.map(({ taxonomy: t }) => [
        t.name,
        { name: t.name, title: t.title, terms: index.taxonomies[t.name] ?? [] },
      ]),
    ),
    data: index.data,
    recent: c.listed.slice(0, 5).map((p) => views.get(p)),
    years: c.years.map((g) => ({
      year: g.key.year,
      url: yearUrl(g.key.year, index.tree.prefix),
      count: g.posts.length,
    })),
  }
}
