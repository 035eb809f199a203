// Groups the site's posts for lists: listed posts newest first, standalone pages, tags and
// categories (merged case-insensitively), and year/month/day archives. Pure.

import type { Taxonomy } from '../config/index.js'
import type { PostMeta } from '../content/index.js'
import { type DateKey, dateKey } from './routes.js'

export interface Term {
  name: string
  posts: PostMeta[]
}

/** A custom taxonomy of the config with its terms (listed posts only, as tags). */
export interface TaxonomyTerms {
  taxonomy: Taxonomy
  terms: Term[]
}

export interface DateGroup {
  key: DateKey
  posts: PostMeta[]
}

export interface Collections {
  /** List posts: shown in lists, feeds and calendar.json (not pages), newest first. */
  listed: PostMeta[]
  /** Every post that gets its own page (list posts and those of hidden categories). */
  posts: PostMeta[]
  pages: PostMeta[]
  tags: Term[]
  categories: Term[]
  /** The config's custom taxonomies, in its order. */
  taxonomies: TaxonomyTerms[]
  years: DateGroup[]
  months: DateGroup[]
  days: DateGroup[]
  /** The canonical spelling of a term (kind: `tag`, `category` or a taxonomy's name). */
  termName(kind: string, name: string): string
  /** True when the term has an archive (some list post has it). */
  hasTerm(kind: string, name: string): boolean
}

export function newestFirst(a: PostMeta, b: PostMeta): number {
  return (
    b.date.getTime() - a.date.getTime() ||
    a.slug.localeCompare(b.slug) ||
    a.file.localeCompare(b.file)
  )
}

/** Groups by name ignoring case; the spelling used most wins (then the first in sort order). */
export function groupTerms(posts: PostMeta[], pick: (p: PostMeta) => string[]): Term[] {
  const byKey = new Map<string, Term & { spellings: Map<string, number> }>()
  for (const post of posts) {
    for (const name of pick(post)) {
      const key = name.toLowerCase()
      let term = byKey.get(key)
      if (!term) {
        term = { name, posts: [], spellings: new Map() }
        byKey.set(key, term)
      }
      term.spellings.set(name, (term.spellings.get(name) ?? 0) + 1)
      if (term.posts.at(-1) !== post) term.posts.push(post)
    }
  }
  const terms = [...byKey.values()].map(({ spellings, posts: list }) => {
    const ranked = [...spellings].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    return { name: (ranked[0] as [string, number])[0], posts: list }
  })
  return terms.sort((a, b) => a.name.localeCompare(b.name))
}

function groupDates(
  posts: PostMeta[],
  timeZone: string,
): Pick<Collections, 'years' | 'months' | 'days'> {
  const years = new Map<string, DateGroup>()
  const months = new Map<string, DateGroup>()
  const days = new Map<string, DateGroup>()
  const add = (map: Map<string, DateGroup>, id: string, key: DateKey, post: PostMeta) => {
    let g = map.get(id)
    if (!g) {
      g = { key, posts: [] }
      map.set(id, g)
    }
    g.posts.push(post)
  }
  for (const post of posts) {
    const k = dateKey(post.date, timeZone)
    add(years, `${k.year}`, { year: k.year, month: 0, day: 0 }, post)
    add(months, `${k.year}-${k.month}`, { year: k.year, month: k.month, day: 0 }, post)
    add(days, `${k.year}-${k.month}-${k.day}`, k, post)
  }
  return { years: [...years.values()], months: [...months.values()], days: [...days.values()] }
}

/** Which posts are list posts (home, archives, feeds, calendar.json): all posts by default. */
export function collect(
  all: readonly PostMeta[],
  timeZone: string,
  isListed: (post: PostMeta) => boolean = () => true,
  taxonomies: readonly Taxonomy[] = [],
): Collections {
  const sorted = [...all].sort(newestFirst)
  const posts = sorted.filter((p) => p.kind === 'post')
  const listed = posts.filter(isListed)
  const pages = sorted
    .filter((p) => p.kind === 'page')
    .sort((a, b) => a.title.localeCompare(b.title))
  const tags = groupTerms(listed, (p) => p.tags)
  const categories = groupTerms(listed, (p) => p.categories)
  const custom = taxonomies.map((taxonomy) => ({
    taxonomy,
    terms: groupTerms(listed, (p) => p.taxonomies?.[taxonomy.name] ?? []),
  }))
  const byName = (terms: Term[]) => new Map(terms.map((t) => [t.name.toLowerCase(), t.name]))
  const names = new Map([
    ['tag', byName(tags)],
    ['category', byName(categories)],
    ...custom.map((t) => [t.taxonomy.name, byName(t.terms)] as const),
  ])
  return {
    listed,
    posts,
    pages,
    tags,
    categories,
    taxonomies: custom,
    ...groupDates(listed, timeZone),
    termName: (kind, name) => names.get(kind)?.get(name.toLowerCase()) ?? name,
    hasTerm: (kind, name) => names.get(kind)?.has(name.toLowerCase()) ?? false,
  }
}

/** The newest `updated` date of the dated posts (a list's lastmod in the sitemap). */
export function lastUpdated(posts: readonly PostMeta[]): Date | undefined {
  let max: Date | undefined
  let maxMs = Number.NEGATIVE_INFINITY
  for (const p of posts) {
    if (!p.dated) continue
    const ms = p.updated.getTime()
    if (ms > maxMs) {
      max = p.updated
      maxMs = ms
    }
  }
  return max
}
