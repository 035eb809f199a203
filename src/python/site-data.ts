// What Python sees of the site: a post's public data (ABI v1's second argument) and the
// read-only `bds` module's data — config, posts without content, tags and categories.

import type { ResolvedConfig } from '../config/index.js'
import type { Post } from '../content/index.js'
import type { SiteData } from './types.js'

interface Term {
  name: string
  url: string
  count: number
}

function summary(post: Post, url: string) {
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

/** The `post` argument of a macro: public data with the Markdown content. */
export function publicPost(post: Post, url: string) {
  return { ...summary(post, url), content: post.body }
}

export function siteData(
  config: ResolvedConfig,
  posts: readonly { post: Post; url: string }[],
  tags: Term[],
  categories: Term[],
): SiteData {
  const { title, url, description, language, author, timezone, postsPerPage } = config
  return {
    config: { title, url, description, language, author, timezone, postsPerPage },
    posts: posts.map(({ post, url: path }) => summary(post, path)),
    tags,
    categories,
  }
}
