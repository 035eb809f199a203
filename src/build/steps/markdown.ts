// The Markdown step: every post without macro tokens whose body is not known yet — from the
// build cache when it holds the body, else rendered. With render workers, each uncached post
// is sent to them in batches of 100 (in turn) the moment it has been read, so the workers
// render while the main thread is still reading (the main thread has the larger share of page
// rendering later; measured, giving the worker all of the Markdown beat an even split by
// ~7%). Posts with tokens are rendered by the macro step, on this thread.

import type MarkdownIt from 'markdown-it'
import type { Post } from '../../content/index.js'
import { type RenderedBody, withExcerpt } from '../../render/index.js'
import type { RenderWorker } from '../render-pool.js'
import type { BodyCache } from './body-cache.js'
import { hasMacroToken } from './expand.js'

export interface MarkdownStep {
  /** Sees each post as it is read (a full build with a worker sends it off at once). */
  offer(post: Post): void
  /** Fills `known` (by file) with the body of every post in `posts` that it lacks. */
  complete(posts: readonly Post[], known: Map<string, RenderedBody>): Promise<void>
}

export function createMarkdownStep(
  md: MarkdownIt,
  cache: BodyCache,
  workers: readonly RenderWorker[],
): MarkdownStep {
  const pending: Promise<[string, RenderedBody][]>[] = []
  const sent = new Set<string>()
  const cached = new Map<string, RenderedBody>()
  let batch: [string, string][] = []
  const bodyOf = new Map<string, string>()
  const flush = () => {
    const worker = workers[pending.length % workers.length]
    if (worker && batch.length > 0) pending.push(worker.markdown(batch))
    batch = []
  }
  const render = (post: Post): RenderedBody => {
    const html = cache.html(post.body)
    if (html !== undefined) return withExcerpt(html)
    const rendered = withExcerpt(md.render(post.body))
    cache.putHtml(post.body, rendered.html)
    return rendered
  }
  return {
    offer(post) {
      if (workers.length === 0 || hasMacroToken(post)) return
      const html = cache.html(post.body)
      if (html !== undefined) {
        cached.set(post.file, withExcerpt(html))
        return
      }
      sent.add(post.file)
      bodyOf.set(post.file, post.body)
      batch.push([post.file, post.body])
      if (batch.length >= 100) flush()
    },
    async complete(posts, known) {
      flush()
      for (const post of posts) {
        if (known.has(post.file) || sent.has(post.file)) continue
        known.set(post.file, cached.get(post.file) ?? render(post))
      }
      for (const reply of await Promise.all(pending.splice(0)))
        for (const [file, body] of reply) {
          cache.putHtml(bodyOf.get(file) as string, body.html)
          if (!known.has(file)) known.set(file, body)
        }
      for (const post of posts) if (!known.has(post.file)) known.set(post.file, render(post))
    },
  }
}

/**
 * Completes the bodies of every tree (`bodies[i]` is tree i's); a subtree post that is not
 * translated has the main tree's Markdown.
 */
export async function completeTrees(
  markdown: MarkdownStep,
  trees: readonly { posts: readonly Post[] }[],
  bodies: readonly Map<string, RenderedBody>[],
): Promise<void> {
  const shared = bodies[0] as Map<string, RenderedBody>
  await markdown.complete(trees[0]?.posts ?? [], shared)
  for (const [i, t] of trees.entries()) {
    if (i === 0) continue
    const own = bodies[i] as Map<string, RenderedBody>
    for (const post of t.posts) {
      const body = shared.get(post.file)
      if (!own.has(post.file) && body && !post.body.includes('[[')) own.set(post.file, body)
    }
    await markdown.complete(t.posts, own)
  }
}

/** A tree's bodies of the last build that are still good: same post, file not re-read. */
export function carryBodies(
  posts: readonly Post[],
  previous: ReadonlyMap<string, RenderedBody> | undefined,
  changed: ReadonlySet<string> | undefined,
): Map<string, RenderedBody> {
  const bodies = new Map<string, RenderedBody>()
  if (!previous) return bodies
  for (const post of posts) {
    const body = previous.get(post.file)
    if (body && !changed?.has(post.file)) bodies.set(post.file, body)
  }
  return bodies
}
