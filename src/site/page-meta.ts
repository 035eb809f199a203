// The `page` variable of every template: kind, title, URL and what the layout needs (the
// <title> text, meta description, language), computed here once instead of in Liquid.

import type { ResolvedConfig } from '../config/index.js'
import { translate } from '../locales/index.js'
import { stripHtml } from '../util/html.js'
import type { FeedLink } from './feed-links.js'
import type { PostView } from './views.js'

/** The excerpt as plain text of at most 200 characters, for meta descriptions. */
export function plainExcerpt(view: PostView): string {
  const text = stripHtml(String(view.excerpt ?? ''))
  return text.length > 200 ? `${text.slice(0, 199).trimEnd()}…` : text
}

export interface Alternate {
  /** hreflang: the language code. */
  language: string
  /** URL path of the page in that language. */
  href: string
}

interface PageMetaInput {
  kind: string
  title: string
  url: string
  /** The URL the page names as canonical (its own by default). */
  canonical?: string
  /** The same page in the site's other languages (hreflang links, the language switcher). */
  alternates?: readonly Alternate[]
  number?: number
  description?: string
  language?: string
  /** The page's own feeds (an archive that has them), linked in <head> beside the site's. */
  feeds?: readonly FeedLink[]
}

/** The `page` variable: what the layout needs, computed once here instead of in Liquid. */
export function pageMeta(config: ResolvedConfig, m: PageMetaInput) {
  const number = m.number ?? 1
  const language = m.language || config.language
  const numbered =
    number === 1
      ? m.title
      : m.kind === 'home'
        ? translate(language, 'theme.pageNumber', { n: number })
        : translate(language, 'theme.titleWithPage', { title: m.title, n: number })
  const head = m.kind === 'home' && number === 1 ? config.title : `${numbered} · ${config.title}`
  return {
    kind: m.kind,
    title: m.title,
    url: m.url,
    absolute_url: config.origin + m.url,
    canonical_url: config.origin + (m.canonical ?? m.url),
    alternates: m.alternates ?? [],
    /** What the header's language switcher depends on (a cache key). */
    switch_key: (m.alternates ?? []).map((a) => a.href).join(' '),
    number,
    head_title: head,
    description: m.description || config.description,
    language,
    nav_url: m.kind === 'page' ? m.url : '',
    feeds: m.feeds ?? [],
  }
}
