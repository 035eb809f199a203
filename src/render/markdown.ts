// createMarkdown: the site's markdown-it instance (CommonMark + tables + strikethrough, raw
// HTML on, heading ids, highlighted fences) and renderBody(), the pure step from Markdown to HTML.

import MarkdownIt from 'markdown-it'
import { macroPlugin } from '../macros/index.js'
import { slugify } from '../util/slug.js'
import { highlightPlugin } from './highlight.js'

/** Everything that changes a rendered body besides its text (a render cache's key). */
export interface MarkdownOptions {
  linkify: boolean
  typographer: boolean
  /** Highlight fenced code at build time (`markdown.highlight`, default on in a site). */
  highlight?: boolean
  /** The highlighter and its version when `highlight` is on (version.ts `highlighterName()`), for cache keys. */
  highlighter?: string
}

/** Adds `id` attributes to headings: slug of the text, made unique within the document. */
function headingIds(md: MarkdownIt): void {
  md.core.ruler.push('bds_heading_ids', (state) => {
    const used = new Map<string, number>()
    const tokens = state.tokens
    for (let i = 0; i < tokens.length; i++) {
      const open = tokens[i]
      if (open?.type !== 'heading_open' || open.attrGet('id')) continue
      const text = (tokens[i + 1]?.children ?? [])
        .filter((t) => t.type === 'text' || t.type === 'code_inline')
        .map((t) => t.content)
        .join('')
      const base = slugify(text) || 'section'
      const count = used.get(base) ?? 0
      used.set(base, count + 1)
      open.attrSet('id', count === 0 ? base : `${base}-${count}`)
    }
  })
}

/** `macros: false` leaves out the macro plugin (tests compare against plain markdown-it). */
export function createMarkdown(options: MarkdownOptions, macros = true): MarkdownIt {
  const md = new MarkdownIt({
    html: true,
    linkify: options.linkify,
    typographer: options.typographer,
    langPrefix: 'language-',
  })
  md.use(headingIds)
  if (options.highlight) md.use(highlightPlugin)
  if (macros) md.use(macroPlugin)
  return md
}

export interface RenderedBody {
  html: string
  /** HTML before `<!--more-->`, else the first paragraph; '' when there is none. */
  excerpt: string
}

const MORE = /<!--\s*more\s*-->/i

export function renderBody(md: MarkdownIt, body: string): RenderedBody {
  return withExcerpt(md.render(body))
}

/** The rendered body with its excerpt. */
export function withExcerpt(html: string): RenderedBody {
  const more = MORE.exec(html)
  if (more) return { html, excerpt: html.slice(0, more.index).trim() }
  const para = /<p>[\s\S]*?<\/p>/.exec(html)
  return { html, excerpt: para ? para[0] : '' }
}
