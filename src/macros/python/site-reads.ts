// The site data a Python call read, as hashes for the build cache: each name a call reports
// (`config`, `posts`, `post:SLUG`, `tags`, `categories`, `api:KEY`, `data:NAME`) is hashed
// from exactly the data the `bds` and `bds_api` modules answer it from, once per build. A name this does
// not know (a newer module's, `*`) has no hash, so a result that read it is never reused.

import type { ResolvedConfig } from '../../config/index.js'
import type { SiteData } from '../../python/index.js'
import { hashText } from '../../util/hash.js'
import { apiData, type PythonSite } from './api-data.js'
import { siteFor } from './site-data.js'

const hashOf = (value: unknown) => hashText(JSON.stringify(value ?? null))

export type SiteReads = (name: string) => Promise<string | undefined>

export function createSiteReads(config: ResolvedConfig, site: () => PythonSite): SiteReads {
  let data: SiteData | undefined
  let bySlug: Map<unknown, unknown> | undefined
  let api: Promise<Record<string, unknown>> | undefined
  const siteData = () => {
    data ??= siteFor(config, site().index)
    return data
  }
  /** Each part by the prefix of its name. */
  const parts: Record<string, (rest: string) => Promise<unknown> | unknown> = {
    config: () => siteData().config,
    posts: () => siteData().posts,
    tags: () => siteData().tags,
    categories: () => siteData().categories,
    post: (slug) => {
      // As the harness's by_slug: a later post with the same slug wins.
      bySlug ??= new Map(siteData().posts.map((p) => [p.slug, p]))
      return bySlug.get(slug)
    },
    // As bds.data(): a file that is not there (or does not parse) is None.
    data: (name) => (Object.hasOwn(siteData().data ?? {}, name) ? siteData().data?.[name] : null),
    api: async (key) => {
      api ??= apiData(config, site())
      return (await api)[key]
    },
  }
  const known = new Map<string, Promise<string | undefined>>()
  return (name) => {
    let hash = known.get(name)
    if (hash === undefined) {
      const colon = name.indexOf(':')
      const [prefix, rest] = colon < 0 ? [name, ''] : [name.slice(0, colon), name.slice(colon + 1)]
      const part = Object.hasOwn(parts, prefix) ? parts[prefix] : undefined
      const whole = colon < 0 ? ['config', 'posts', 'tags', 'categories'] : ['post', 'api', 'data']
      hash =
        part && whole.includes(prefix)
          ? Promise.resolve(part(rest)).then(hashOf)
          : Promise.resolve(undefined)
      known.set(name, hash)
    }
    return hash
  }
}
