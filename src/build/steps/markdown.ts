// The Markdown step: every post without macro tokens whose body is not known yet. With render
// workers, such posts are sent to them in batches of 100 (in turn) the moment they have been
// read, so the workers render while the main thread is still reading (the main thread has
// the larger share of page rendering later; measured, giving the worker all of the Markdown
// beat an even split by ~7%). Posts with tokens are rendered by the macro step.

import type MarkdownIt from 'markdown-it'
import type { Post } from '../../content/index.js'
import { type RenderedBody, renderBody } from '../../render/index.js'
import type { RenderWorker } from '../render-pool.js'
import { hasMacroToken } from './expand.js'

export interface MarkdownStep {
  /** Sees each post as it is read (a full build with a worker sends it off at once). */
  offer(post: Post): void
  /** Fills `known` (by file) with the body of every post in `posts` that it lacks. */
  complete(posts: readonly Post[], known: Map<string, RenderedBody>): Promise<void>
}

export function createMarkdownStep(md: MarkdownIt, workers: readonly RenderWorker[]): MarkdownStep {
  const pending: Promise<[string, RenderedBody][]>[] = []
  const sent = new Set<string>()
  let batch: [string, string][] = []
  const flush = () => {
    const worker = workers[pending.length % workers.length]
    if (worker && batch.length > 0) pending.push(worker.markdown(batch))
    batch = []
  }
  return {
    offer(post) {
      if (workers.length === 0 || hasMacroToken(post)) return
      sent.add(post.file)
      batch.push([post.file, post.body])
      if (batch.length >= 100) flush()
    },
    async complete(posts, known) {
      flush()
      for (const post of posts) {
        if (!sent.has(post.file) && !known.has(post.file))
          known.set(post.file, renderBody(md, post.body))
      }
      for (const reply of await Promise.all(pending))
        for (const [file, body] of reply) if (!known.has(file)) known.set(file, body)
      for (const post of posts)
        if (!known.has(post.file)) known.set(post.file, renderBody(md, post.body))
    },
  }
}
