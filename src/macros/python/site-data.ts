// What Python sees of the site: a post's public data (ABI v1's second argument) and the
// read-only `bds` module's data — config, posts without content, tags, categories and the
// data files — made from the site index.

import type { ResolvedConfig } from '../../config/index.js'
import { macroPostData, type Post, type PostMeta } from '../../content/index.js'
import type { SiteData, UtilityModule } from '../../python/index.js'
import { indexSite, type SiteIndex } from '../../site/index.js'

function summary(post: PostMeta, url: string) {
  return {
    id: post.id,
    title: post.title,
    slug: post.slug,
    url,
    excerpt: post.excerpt ?? null,
    status: post.status,
    author: post.author || null,
    createdAt: post.date.toISOString(),
    updatedAt: post.updated.toISOString(),
    publishedAt: post.published?.toISOString() ?? null,
    tags: post.tags,
    categories: post.categories,
  }
}

/**
 * The `post` argument of a macro: bDS's post data (serializePostDataForMacro: the file's
 * values, `author` None when it has none, `projectId`) and the URL bds adds.
 */
export function publicPost(post: Post, url: string) {
  return { ...macroPostData(post), url }
}

/** The `bds` module's data: posts (then pages) newest first, tags, categories, data files. */
export function siteFor(config: ResolvedConfig, index: SiteIndex): SiteData {
  const { title, url, description, language, author, timezone, postsPerPage } = config
  const { posts, pages } = index.collections
  return {
    config: { title, url, description, language, author, timezone, postsPerPage },
    posts: [...posts, ...pages].map((p) => summary(p, index.urls.get(p) as string)),
    tags: index.tags,
    categories: index.categories,
    data: { ...index.data },
  }
}

/** Site data for commands that run scripts outside a build (`scripts run`, `ingest`). */
export const siteDataOf = (
  config: ResolvedConfig,
  posts: readonly PostMeta[],
  extra: { modules?: UtilityModule[]; data?: Readonly<Record<string, unknown>> } = {},
): SiteData => {
  const index = indexSite(posts, config.timezone, undefined, undefined, { data: extra.data ?? {} })
  return { ...siteFor(config, index), modules: extra.modules ?? [] }
}
