// The main thread's side of the render worker: start it, send it work, await its answers.
// stopRenderWorkers() lets a signal handler halt every worker between two files.

import { Worker } from 'node:worker_threads'
import type { ResolvedConfig } from '../config/index.js'
import type { CategoryMetaMap, PostMeta } from '../content/index.js'
import type { Diagnostic } from '../errors/index.js'
import type { Manifest, SinkOptions, WriteResult } from '../output/index.js'
import type { RenderedBody, TemplateStore } from '../render/index.js'
import type { SiteAlternates, Tree } from '../site/index.js'
import type { WorkerRequest } from './render-worker.js'

export interface EntriesResult {
  result: WriteResult
  failed: string[]
  diagnostics: Diagnostic[]
}

export interface RenderWorker {
  markdown(items: [string, string][]): Promise<[string, RenderedBody][]>
  entries(
    posts: PostMeta[],
    bodies: RenderedBody[],
    store: TemplateStore,
    previous: Manifest,
    options: SinkOptions,
    /** The output paths of the post pages to render. */
    only: string[],
    /** The language tree and the list rules the pages are planned with. */
    tree: Tree,
    categoryMeta: CategoryMetaMap,
    alternates: SiteAlternates | undefined,
    /** The data files, for the `site` global. */
    data: Readonly<Record<string, unknown>>,
  ): Promise<EntriesResult>
  close(): Promise<void>
}

const active = new Set<Int32Array>()

export function startRenderWorker(config: ResolvedConfig): RenderWorker {
  const flags = new Int32Array(new SharedArrayBuffer(8))
  active.add(flags)
  const worker = new Worker(new URL('./render-worker.js', import.meta.url), {
    workerData: { config, flags },
  })
  const waiting: {
    type: string
    resolve: (value: never) => void
    reject: (error: Error) => void
  }[] = []
  const failAll = (error: Error) => {
    for (const w of waiting.splice(0)) w.reject(error)
  }
  worker.on('message', (message: { type: string; message?: string }) => {
    const next = waiting.shift()
    if (!next) return
    if (message.type === 'error') next.reject(new Error(`render worker failed: ${message.message}`))
    else next.resolve(message as never)
  })
  worker.on('error', failAll)
  worker.on('exit', (code) => failAll(new Error(`render worker exited with code ${code}`)))
  const ask = <T>(request: WorkerRequest): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      waiting.push({ type: request.type, resolve: resolve as (value: never) => void, reject })
      worker.postMessage(request)
    })
  return {
    async markdown(items) {
      const reply = await ask<{ results: [string, RenderedBody][] }>({ type: 'markdown', items })
      return reply.results
    },
    entries: (
      posts,
      bodies,
      store,
      previous,
      options,
      only,
      tree,
      categoryMeta,
      alternates,
      data,
    ) =>
      ask<EntriesResult>({
        type: 'entries',
        posts,
        bodies,
        store,
        previous,
        options,
        only,
        tree,
        categoryMeta,
        alternates,
        data,
      }),
    async close() {
      active.delete(flags)
      await worker.terminate()
    },
  }
}

/**
 * For signal handlers: asks every render worker to stop after the file it is writing (each
 * file goes to a temporary name and is renamed, so none is left half-written) and blocks
 * until it has, at most two seconds.
 */
export function stopRenderWorkers(): void {
  for (const flags of active) {
    Atomics.store(flags, 0, 1)
    const deadline = Date.now() + 2000
    while (Atomics.load(flags, 1) === 1 && Date.now() < deadline) Atomics.wait(flags, 1, 1, 100)
  }
  active.clear()
}
