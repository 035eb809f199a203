// Which posts get pages: bDS renders only `published` posts (rfc1437/bDS
// src/main/engine/GenerationPostSnapshotService.ts loadPublishedGenerationSets); `archived` and
// `draft` posts get no page, sitemap entry or feed item. bds adds `--drafts` for previews.

interface HasStatus {
  status: 'published' | 'draft' | 'archived'
}

/** True when a post is built: published, or a draft when `drafts` (bds --drafts) is on. */
export function isRendered(post: HasStatus, options: { drafts?: boolean } = {}): boolean {
  return post.status === 'published' || (options.drafts === true && post.status === 'draft')
}

/** The posts that are built, in their order. */
export function renderedPosts<T extends HasStatus>(
  posts: readonly T[],
  options: { drafts?: boolean } = {},
) {
  return posts.filter((p) => isRendered(p, options))
}
