// The main navigation: the config's `nav` list in its order (pages by slug, any title and URL,
// external links too), else every standalone page without `nav: false`, by front matter
// `nav_order` and then by title. Pure.

import type { NavEntry, ResolvedConfig } from '../config/index.js'
import type { PostMeta } from '../content/index.js'
import { BdsError } from '../errors/index.js'
import { suggest } from '../util/suggest.js'

export interface NavItem {
  title: string
  url: string
  /** A link that leaves the site (a scheme, or `//host`). */
  external: boolean
}

const isExternal = (url: string) => /^([a-z][a-z0-9+.-]*:|\/\/)/i.test(url)

const order = (page: PostMeta) => {
  const value = page.data.nav_order
  return typeof value === 'number' ? value : Number.POSITIVE_INFINITY
}

const bySlug = (pages: readonly PostMeta[], slug: string) =>
  pages.find((p) => p.slug === slug) ?? pages.find((p) => p.slug === slug.toLowerCase())

/** `pages` sorted by title (Collections.pages); `views` gives their URLs in this tree. */
export function siteNav(
  config: ResolvedConfig,
  pages: readonly PostMeta[],
  views: ReadonlyMap<PostMeta, { title: string; url: string }>,
): NavItem[] {
  if (config.nav) {
    return config.nav.flatMap((entry): NavItem[] => {
      if (entry.page === undefined) {
        const url = entry.url as string
        return [{ title: entry.title as string, url, external: isExternal(url) }]
      }
      const page = bySlug(pages, entry.page)
      const view = page && views.get(page)
      if (!view) return []
      return [{ title: entry.title ?? view.title, url: view.url, external: false }]
    })
  }
  return pages
    .filter((p) => p.data.nav !== false)
    .map((p, i) => ({ p, i }))
    .sort((a, b) => order(a.p) - order(b.p) || a.i - b.i)
    .flatMap(({ p }) => {
      const view = views.get(p)
      return view ? [{ title: view.title, url: view.url, external: false }] : []
    })
}

/** A warning for each `nav` entry naming a page the site does not have. */
export function navProblems(config: ResolvedConfig, pages: readonly PostMeta[]): BdsError[] {
  const missing = (config.nav ?? []).filter(
    (e): e is NavEntry & { page: string } =>
      e.page !== undefined && bySlug(pages, e.page) === undefined,
  )
  const slugs = pages.map((p) => p.slug)
  return missing.map((e) => {
    const near = suggest(e.page, slugs)
    const mean = near ? ` Did you mean "${near}"?` : ''
    const message = `The "nav" entry names the page "${e.page}", which does not exist; it was left out.${mean}`
    return new BdsError('BDS_NAV_PAGE', message, { pos: e.pos, severity: 'warning' })
  })
}
