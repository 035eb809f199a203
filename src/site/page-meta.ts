// The `page` variable of every template: kind, title, URL and what the layout needs (the
// <title> text, meta description, language), computed here once instead of in Liquid.

import type { ResolvedConfig } from '../config/index.js'
import { stripHtml } from '../util/html.js'
import type { PostView } from './views.js'

/** The excerpt as plain text of at most 200 characters, for meta descriptions. */
export function plainExcerpt(view: PostView): string {
  const text = stripHtml(String(view.excerpt ?? ''))
  return text.length > 200 ? `${text.slice(0, 199).trimEnd()}…` : text
}

interface PageMetaInput {
  kind: string
  title: string
  url: string
  number?: number
  description?: string
  language?: string
}

/** The `page` variable: what the layout needs, computed once here instead of in Liquid. */
export function pageMeta(config: ResolvedConfig, m: PageMetaInput) {
  const number = m.number ?? 1
  const numbered =
    number > 1
      ? `${m.kind === 'home' ? 'Page' : `${m.title} (page`} ${number}${m.kind === 'home' ? '' : ')'}`
      : m.title
  const head = m.kind === 'home' && number === 1 ? config.title : `${numbered} · ${config.title}`
  return {
    kind: m.kind,
    title: m.title,
    url: m.url,
    absolute_url: config.url + m.url,
    number,
    head_title: head,
    description: m.description || config.description,
    language: m.language || config.language,
    nav_url: m.kind === 'page' ? m.url : '',
  }
}
