// The site index: computed once per build, right after the content is read — collections,
// every post's URL and the tag and category lists with their URLs. Macros, the `bds` module's
// site data and the page model all read it. Pure.

import type { PostMeta } from '../content/index.js'
import { type Collections, collect } from './collections.js'
import { postUrl, termUrl } from './routes.js'

export interface TermView {
  name: string
  url: string
  /** Number of listed posts with this term. */
  count: number
}

export interface SiteIndex {
  /** Posts and pages in content order (posts/ then pages/, each sorted by file). */
  posts: readonly PostMeta[]
  collections: Collections
  /** URL path of every post and page. */
  urls: ReadonlyMap<PostMeta, string>
  tags: TermView[]
  categories: TermView[]
}

const termViews = (kind: 'tag' | 'category', terms: Collections['tags']): TermView[] =>
  terms.map((t) => ({ name: t.name, url: termUrl(kind, t.name), count: t.posts.length }))

export function indexSite(posts: readonly PostMeta[], timeZone: string): SiteIndex {
  const collections = collect(posts, timeZone)
  return {
    posts,
    collections,
    urls: new Map(posts.map((p) => [p, postUrl(p, timeZone)])),
    tags: termViews('tag', collections.tags),
    categories: termViews('category', collections.categories),
  }
}
