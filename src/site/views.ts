// Template-facing objects: what `post`, `site` and list entries look like inside Liquid.
// Built once per post and shared by every page that shows it.

import type { ResolvedConfig } from '../config/index.js'
import type { Post } from '../content/index.js'
import { escapeHtml } from '../util/html.js'
import type { Collections, Term } from './collections.js'
import { termUrl, yearUrl } from './routes.js'

export interface Rendered {
  post: Post
  url: string
  html: string
  excerpt: string
}

export interface TermView {
  name: string
  url: string
  count?: number
}

export type PostView = Record<string, unknown> & { url: string; title: string }

export function postView(
  r: Rendered,
  siteUrl: string,
  termName: Collections['termName'],
): PostView {
  const p = r.post
  const term = (kind: 'tag' | 'category', raw: string) => {
    const name = termName(kind, raw)
    return { name, url: termUrl(kind, name) }
  }
  return {
    id: p.id,
    kind: p.kind,
    title: p.title,
    untitled: p.untitled,
    slug: p.slug,
    url: r.url,
    absolute_url: siteUrl + r.url,
    date: p.date,
    updated: p.updated,
    published: p.published,
    content: r.html,
    excerpt: p.excerpt !== undefined ? `<p>${escapeHtml(p.excerpt)}</p>` : r.excerpt,
    tags: p.tags.map((name) => term('tag', name)),
    categories: p.categories.map((name) => term('category', name)),
    author: p.author,
    language: p.language,
    status: p.status,
    file: p.file,
    data: p.data,
  }
}

const SUMMARY = 'partials/post-summary.liquid'

/**
 * Gives a post view a lazy `summary_html`: the post-summary partial rendered once per post
 * and reused by every list that shows it (lists render it tens of thousands of times).
 */
export function withSummary(
  view: PostView,
  templates: { has(n: string): boolean; render(n: string, s: Record<string, unknown>): string },
): void {
  if (!templates.has(SUMMARY)) return
  let html: string | undefined
  Object.defineProperty(view, 'summary_html', {
    enumerable: true,
    get: () => (html ??= templates.render(SUMMARY, { post: view })),
  })
}

const termViews = (kind: 'tag' | 'category', terms: Term[]): TermView[] =>
  terms.map((t) => ({ name: t.name, url: termUrl(kind, t.name), count: t.posts.length }))

export function siteView(
  config: ResolvedConfig,
  c: Collections,
  views: Map<Post, PostView>,
): Record<string, unknown> {
  return {
    title: config.title,
    description: config.description,
    url: config.url,
    language: config.language,
    author: config.author,
    timezone: config.timezone,
    pages: c.pages.map((p) => ({ title: p.title, url: views.get(p)?.url })),
    tags: termViews('tag', c.tags),
    categories: termViews('category', c.categories),
    recent: c.listed.slice(0, 5).map((p) => views.get(p)),
    years: c.years.map((g) => ({
      year: g.key.year,
      url: yearUrl(g.key.year),
      count: g.posts.length,
    })),
  }
}
