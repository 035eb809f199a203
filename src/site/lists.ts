// The list pages of the site (home, tags, categories, custom taxonomies, year/month/day
// archives) as specs: base URL, posts, template names, the `archive` variable and the
// archive's own feeds when the config asks for them. Pure.

import type { ResolvedFeeds, Taxonomy } from '../config/index.js'
import type { PostMeta } from '../content/index.js'
import { translate } from '../locales/index.js'
import { pad2 } from '../util/time.js'
import type { Collections, DateGroup, Term } from './collections.js'
import { type FeedLink, feedLinks } from './feed-links.js'
import { dayUrl, monthUrl, termUrl, yearUrl } from './routes.js'

export interface ListSpec {
  /** `term`: an archive of a custom taxonomy (`archive.taxonomy` names it). */
  kind: 'home' | 'tag' | 'category' | 'term' | 'year' | 'month' | 'day'
  base: string
  title: string
  posts: PostMeta[]
  templates: string[]
  archive?: Record<string, unknown>
  /** The archive's own feeds, in the folder `base` (term archives, when the config asks). */
  feeds?: FeedLink[]
}

/** Which feeds the lists have: none unless given. */
export type ListFeeds = Pick<ResolvedFeeds, 'formats' | 'tags' | 'categories'>

const noFeeds: ListFeeds = { formats: [], tags: false, categories: false }

const formats = new Map<string, Intl.DateTimeFormat>()

const formatted = new Map<string, string>()

/** A date as the site language writes it; remembered, as watch mode lists every rebuild. */
function format(language: string, options: Intl.DateTimeFormatOptions, date: number): string {
  const key = `${language}|${JSON.stringify(options)}`
  const known = formatted.get(`${key}|${date}`)
  if (known !== undefined) return known
  let f = formats.get(key)
  if (!f) {
    const locale = Intl.DateTimeFormat.supportedLocalesOf([language]).length ? language : 'en'
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' })
    formats.set(key, f)
  }
  const text = f.format(date)
  formatted.set(`${key}|${date}`, text)
  return text
}

function dateSpec(
  kind: 'year' | 'month' | 'day',
  g: DateGroup,
  language: string,
  prefix: string,
): ListSpec {
  const { year, month, day } = g.key
  const at = Date.UTC(year, Math.max(0, month - 1), Math.max(1, day))
  const spec = {
    year: { base: yearUrl(year, prefix), name: `${year}`, title: `${year}` },
    month: {
      base: monthUrl(year, month, prefix),
      name: `${year}-${pad2(month)}`,
      title: format(language, { year: 'numeric', month: 'long' }, at),
    },
    day: {
      base: dayUrl(year, month, day, prefix),
      name: `${year}-${pad2(month)}-${pad2(day)}`,
      title: format(language, { dateStyle: 'long' }, at),
    },
  }[kind]
  return {
    kind,
    base: spec.base,
    title: spec.title,
    posts: g.posts,
    templates: ['archive.liquid', 'list.liquid'],
    archive: {
      kind,
      name: spec.name,
      year,
      ...(kind !== 'year' ? { month } : {}),
      ...(kind === 'day' ? { day } : {}),
    },
  }
}

function termSpec(
  kind: 'tag' | 'category',
  term: Term,
  language: string,
  prefix: string,
  feeds: ListFeeds,
): ListSpec {
  const key = kind === 'tag' ? 'theme.tagTitle' : 'theme.categoryTitle'
  const base = termUrl(kind, term.name, prefix)
  const title = translate(language, key, { name: term.name })
  const wanted = (kind === 'tag' ? feeds.tags : feeds.categories) && feeds.formats.length > 0
  return {
    kind,
    base,
    title,
    posts: term.posts,
    templates: [`${kind}.liquid`, 'list.liquid'],
    archive: { kind, name: term.name },
    ...(wanted ? { feeds: feedLinks(feeds.formats, base, title) } : {}),
  }
}

function taxonomySpec(
  taxonomy: Taxonomy,
  term: Term,
  language: string,
  prefix: string,
  feeds: ListFeeds,
): ListSpec {
  const base = termUrl(taxonomy.path, term.name, prefix)
  const title = translate(language, 'theme.termTitle', {
    taxonomy: taxonomy.title,
    name: term.name,
  })
  return {
    kind: 'term',
    base,
    title,
    posts: term.posts,
    templates: [`${taxonomy.name}.liquid`, 'term.liquid', 'list.liquid'],
    archive: { kind: 'term', taxonomy: taxonomy.name, name: term.name },
    ...(taxonomy.feeds && feeds.formats.length
      ? { feeds: feedLinks(feeds.formats, base, title) }
      : {}),
  }
}

/**
 * The lists of a tree: `language` names them, `prefix` (a subtree's `/en`) starts their URLs,
 * `feeds` says which archives have their own feeds and in which formats.
 */
export function listSpecs(
  c: Collections,
  siteTitle: string,
  language: string,
  prefix = '',
  feeds: ListFeeds = noFeeds,
): ListSpec[] {
  return [
    {
      kind: 'home',
      base: `${prefix}/`,
      title: siteTitle,
      posts: c.listed,
      templates: ['home.liquid', 'list.liquid'],
    },
    ...c.tags.map((t) => termSpec('tag', t, language, prefix, feeds)),
    ...c.categories.map((t) => termSpec('category', t, language, prefix, feeds)),
    ...c.taxonomies.flatMap(({ taxonomy, terms }) =>
      terms.map((t) => taxonomySpec(taxonomy, t, language, prefix, feeds)),
    ),
    ...c.years.map((g) => dateSpec('year', g, language, prefix)),
    ...c.months.map((g) => dateSpec('month', g, language, prefix)),
    ...c.days.map((g) => dateSpec('day', g, language, prefix)),
  ]
}
