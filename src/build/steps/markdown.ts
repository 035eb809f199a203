// The Markdown step: every post without macro tokens whose body is not known yet — from the
// build cache when it holds the body, else rendered. With render workers, each uncached post
// is sent to them in batches of 100 (in turn) the moment it has been read, so the workers
// render while the main thread is still reading (the main thread has the larger share of page
// rendering later; measured, giving the worker all of the Markdown beat an even split by
// ~7%). A post with macro tokens goes to them as well, to be rendered with a placeholder per
// call: the macro step then only runs the calls and splices their HTML in, and this thread
// stays free meanwhile (the Python pool boots while the workers render).

import type MarkdownIt from 'markdown-it'
import type { Post } from '../../content/index.js'
import type { PlaceholderBody } from '../../macros/index.js'
import { type RenderedBody, withExcerpt } from '../../render/index.js'
import type { PlaceholderItem, RenderWorker } from '../render-pool.js'
import type { BodyCache } from './body-cache.js'
import { hasMacroToken } from './expand.js'

export interface MarkdownStep {
  /**
   * Sees each post as it is read (a full build with a worker sends it off at once);
   * `known`: the build cache holds its Markdown.
   */
  offer(post: Post, known: boolean): void
  /** A body with macro tokens as a worker rendered it with placeholders (if one did). */
  placeholder(file: string): Promise<PlaceholderBody | undefined>
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
  let batch: [string, string][] = []
  const bodyOf = new Map<string, string>()
  let sentCount = 0
  const next = () => workers[sentCount++ % workers.length] as RenderWorker
  const flush = () => {
    if (batch.length === 0) return
    const reply = next().markdown(batch)
    reply.catch(() => {}) // a worker that failed is met in complete(), not before
    pending.push(reply)
    batch = []
  }
  const withCalls = new Map<string, Promise<Map<string, PlaceholderBody>>>()
  let calls: PlaceholderItem[] = []
  const flushCalls = () => {
    if (calls.length === 0) return
    // A worker that failed leaves its posts to this thread (the macro step renders them).
    const reply = next()
      .placeholders(calls)
      .then(
        (r) => new Map(r),
        () => new Map<string, PlaceholderBody>(),
      )
    for (const [file] of calls) withCalls.set(file, reply)
    calls = []
  }
  const render = (post: Post): RenderedBody => {
    const html = cache.html(post.body)
    if (html !== undefined) return withExcerpt(html)
    const rendered = withExcerpt(md.render(post.body))
    cache.putHtml(post.body, rendered.html)
    return rendered
  }
  return {
    offer(post, known) {
      if (workers.length === 0 || known) return
      if (hasMacroToken(post)) {
        calls.push([post.file, post.body, post.bodyLine])
        if (calls.length >= 100) flushCalls()
        return
      }
      sent.add(post.file)
      bodyOf.set(post.file, post.body)
      batch.push([post.file, post.body])
      if (batch.length >= 100) flush()
    },
    async placeholder(file) {
      flushCalls()
      return (await withCalls.get(file))?.get(file)
    },
    async complete(posts, known) {
      flush()
      for (const post of posts) {
        if (known.has(post.file) || sent.has(post.file)) continue
        known.set(post.file, render(post))
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
