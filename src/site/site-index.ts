// The site index: computed once per build, right after the content is read — collections,
// every post's URL, the tag, category and custom taxonomy lists with their URLs, and the
// data files. Macros, the `bds` module's site data and the page model all read it. Pure.

import type { Taxonomy } from '../config/index.js'
import type { PostMeta } from '../content/index.js'
import { type Collections, collect } from './collections.js'
import { postUrl, termUrl } from './routes.js'

export interface TermView {
  name: string
  url: string
  /** Number of listed posts with this term. */
  count: number
}

/** The site's list rules (a bDS project's meta/category-meta.json, or bDS's defaults). */
export interface SiteRules {
  /** A list post: on home, archives, feeds and calendar.json (every post keeps its page). */
  listed(post: PostMeta): boolean
  /** A list entry shows the post's title (bDS asides do not). */
  showTitle(post: PostMeta): boolean
}

export const defaultRules: SiteRules = { listed: () => true, showTitle: () => true }

/** A tree of the site: the main language at `/`, each extra language under `/{lang}`. */
export interface Tree {
  language: string
  /**
   * What every URL path of the tree starts with: the site's base path, then `/en` in a
   * subtree ('' for the main tree of a site at a domain's root; `/project/en` under a base).
   */
  prefix: string
  /** The site's base path ('' or `/project`); the tree's own folder is `prefix` after it. */
  base: string
}

export interface SiteIndex {
  tree: Tree
  /** Posts and pages in content order (posts/ then pages/, each sorted by file). */
  posts: readonly PostMeta[]
  collections: Collections
  /** URL path of every post and page. */
  urls: ReadonlyMap<PostMeta, string>
  tags: TermView[]
  categories: TermView[]
  /** The terms of each custom taxonomy, by its name. */
  taxonomies: Readonly<Record<string, TermView[]>>
  /** The data files by name (`site.data`, Python's `bds.data`). */
  data: Readonly<Record<string, unknown>>
  rules: SiteRules
}

/** What the index takes from the config and the data folder besides the posts. */
export interface IndexOptions {
  taxonomies?: readonly Taxonomy[]
  data?: Readonly<Record<string, unknown>>
}

const termViews = (path: string, terms: Collections['tags'], prefix: string): TermView[] =>
  terms.map((t) => ({ name: t.name, url: termUrl(path, t.name, prefix), count: t.posts.length }))

export function indexSite(
  posts: readonly PostMeta[],
  timeZone: string,
  rules: SiteRules = defaultRules,
  tree: Tree = { language: '', prefix: '', base: '' },
  options: IndexOptions = {},
): SiteIndex {
  const collections = collect(posts, timeZone, rules.listed, options.taxonomies)
  const { prefix } = tree
  const taxonomies: Record<string, TermView[]> = {}
  for (const { taxonomy, terms } of collections.taxonomies)
    taxonomies[taxonomy.name] = termViews(taxonomy.path, terms, prefix)
  return {
    tree,
    posts,
    collections,
    urls: new Map(posts.map((p) => [p, postUrl(p, timeZone, prefix)])),
    tags: termViews('tag', collections.tags, prefix),
    categories: termViews('category', collections.categories, prefix),
    taxonomies,
    data: options.data ?? {},
    rules,
  }
}
