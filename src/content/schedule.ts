// Posts dated in the future: a post whose publication date (publishedAt, else its date) lies
// after the build's clock is held back until a build runs at or after it, unless `--future`
// (Hugo's --buildFuture). Pure: the clock is the caller's.

import type { PostMeta } from './types.js'

/** When the post goes out: publishedAt, else its date; undefined for an undated page. */
export function publishesAt(post: PostMeta): Date | undefined {
  if (!post.dated) return undefined
  return post.published ?? post.date
}

/** True when the post is dated after `now`. */
export function isScheduled(post: PostMeta, now: Date): boolean {
  const at = publishesAt(post)
  return at !== undefined && at.getTime() > now.getTime()
}
