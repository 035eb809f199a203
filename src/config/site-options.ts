// The settings of the site model resolved from the config: feed formats and which archives
// get feeds, custom taxonomies and the navigation list with where each entry is written.

import type { JsonPos } from '../util/json-source.js'
import type { FeedFormat, NavEntry, ResolvedFeeds, Taxonomy, UserConfig } from './types.js'

export function resolveFeeds(c: UserConfig['feeds'] = {}): ResolvedFeeds {
  const formats: FeedFormat[] = c.json === false ? ['rss', 'atom'] : ['rss', 'atom', 'json']
  return Object.freeze({
    formats: Object.freeze(formats),
    tags: c.tags ?? false,
    categories: c.categories ?? false,
  })
}

export function resolveTaxonomies(c: UserConfig['taxonomies'] = {}): readonly Taxonomy[] {
  return Object.freeze(
    Object.entries(c).map(([name, t]) =>
      Object.freeze({
        name,
        path: t.path ?? name,
        title: t.title ?? name.charAt(0).toUpperCase() + name.slice(1).replace(/_/g, ' '),
        feeds: t.feeds ?? false,
      }),
    ),
  )
}

export function resolveNav(
  c: UserConfig['nav'],
  positions: ReadonlyMap<string, JsonPos>,
  file: string | undefined,
): readonly NavEntry[] | undefined {
  if (!c) return undefined
  return Object.freeze(
    c.map((entry, i) => {
      const at = positions.get(`/nav/${i}`)
      return Object.freeze({ ...entry, ...(at && file ? { pos: { file, ...at } } : {}) })
    }),
  )
}
