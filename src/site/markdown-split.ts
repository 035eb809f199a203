// The Markdown step of a build, on the render worker when there is one.

import type { ResolvedConfig } from '../config/index.js'
import type { Post } from '../content/index.js'
import { createMarkdown, type RenderedBody, renderBody } from '../render/index.js'
import { hasMacroToken } from './macro-step.js'
import type { RenderWorker } from './render-pool.js'

/**
 * Markdown for every post. With a worker, each post without macro tokens is sent to it the
 * moment it has been read, so the worker renders while the main thread is still reading (the
 * main thread has the larger share of page rendering later; measured, giving the worker all
 * of the Markdown beat an even split by ~7%). Results come back in post order.
 */
export function createMarkdownSplit(config: ResolvedConfig, worker?: RenderWorker) {
  const md = createMarkdown(config.markdown)
  const pending: Promise<[string, RenderedBody][]>[] = []
  const sent = new Set<string>()
  let batch: [string, string][] = []
  const flush = () => {
    if (worker && batch.length > 0) pending.push(worker.markdown(batch))
    batch = []
  }
  return {
    offer(post: Post): void {
      // Posts with macro tokens are rendered by the macro step, on this thread.
      if (!worker || hasMacroToken(post)) return
      sent.add(post.file)
      batch.push([post.file, post.body])
      if (batch.length >= 100) flush()
    },
    async bodies(posts: Post[], done: Map<string, RenderedBody>): Promise<RenderedBody[]> {
      flush()
      const theirs = new Map<string, RenderedBody>()
      const local = posts.map((post) =>
        sent.has(post.file) ? undefined : (done.get(post.file) ?? renderBody(md, post.body)),
      )
      for (const reply of await Promise.all(pending))
        for (const [file, body] of reply) theirs.set(file, body)
      return posts.map((post, i) => local[i] ?? theirs.get(post.file) ?? renderBody(md, post.body))
    },
  }
}
