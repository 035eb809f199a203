// A post's routes as bDS generates them (rfc1437/bDS src/main/engine/
// RoutePageGenerationService.ts): every rendered post at /YYYY/MM/DD/slug/, a `page` post also
// at /slug/; and the language subtree prefix and alternates (BlogGenerationEngine.ts).

import { pad2, zonedParts } from '../util/time.js'

export interface PostRoutes {
  /** /YYYY/MM/DD/slug/ — every rendered post has it, `page` posts included. */
  permalink?: string
  /** /slug/ — `page` posts only (bDS generatePageRoutes). */
  page?: string
  /** The URL both pages name as canonical: /slug/ for a page, else the permalink. */
  canonical: string
}

interface RoutablePost {
  slug: string
  date: Date
  /** False for a bds page without a date: it has no permalink. */
  dated: boolean
  kind: 'post' | 'page'
}

/** The routes of a post; `prefix` is a language subtree's `/en` (empty for the main tree). */
export function bdsPostRoutes(post: RoutablePost, timeZone: string, prefix = ''): PostRoutes {
  const slug = encodeURIComponent(post.slug)
  const d = post.dated ? zonedParts(post.date, timeZone) : undefined
  const permalink = d ? `${prefix}/${d.year}/${pad2(d.month)}/${pad2(d.day)}/${slug}/` : undefined
  const page = post.kind === 'page' ? `${prefix}/${slug}/` : undefined
  return { permalink, page, canonical: (page ?? permalink) as string }
}

/** bDS's extra languages: blogLanguages lower-cased, without the main language, once each. */
export function subtreeLanguages(mainLanguage: string, languages: readonly string[]): string[] {
  const main = mainLanguage.trim().toLowerCase()
  const extra = languages.map((l) => l.trim().toLowerCase()).filter((l) => l && l !== main)
  return [...new Set(extra)]
}

export interface Alternate {
  /** hreflang value: the language code. */
  language: string
  href: string
}

/**
 * The same page in every language of the site, for `<link rel="alternate" hreflang>` and the
 * language switcher: `path` is the page's URL in the main tree (no prefix); each extra
 * language gets `/{lang}` in front. `translatable: false` (doNotTranslate) gives none.
 */
export function languageAlternates(
  path: string,
  mainLanguage: string,
  languages: readonly string[],
  translatable = true,
): Alternate[] {
  if (!translatable) return []
  const main = mainLanguage.trim().toLowerCase()
  const extra = subtreeLanguages(main, languages)
  if (extra.length === 0) return []
  return [
    { language: main, href: path },
    ...extra.map((language) => ({ language, href: `/${language}${path}` })),
  ]
}
