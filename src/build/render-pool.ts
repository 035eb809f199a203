// The main thread's side of the render workers: start them, send them work, await their
// answers. On a signal, stopRenderWorkers() (a stop hook) halts every worker between two files.

import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { ResolvedConfig } from '../config/index.js'
import type { CategoryMetaMap, PostMeta } from '../content/index.js'
import type { Diagnostic } from '../errors/index.js'
import type { PlaceholderBody } from '../macros/index.js'
import type { Manifest, SinkOptions, WriteResult } from '../output/index.js'
import type { ImageTable, RenderedBody, TemplateStore } from '../render/index.js'
import type { SiteAlternates, Tree } from '../site/index.js'
import { onStop } from '../util/stop-hooks.js'
import type { BodyFile } from './body-file.js'
import type { DeferredCall, WorkerMacros } from './template-macros.js'

export interface EntriesResult {
  result: WriteResult
  failed: string[]
  diagnostics: Diagnostic[]
  /** Template macro calls the worker's pages wait for (`splice` writes those pages). */
  macros?: { calls: DeferredCall[]; diagnostics: Diagnostic[] }
}

/** What a worker renders: the pages at `only`, planned from the same posts and bodies. */
export interface PagesRequest {
  posts: PostMeta[]
  /** The bodies, in a file the worker reads them from when a page shows them (else as text). */
  bodies: BodyFile | readonly RenderedBody[]
  store: TemplateStore
  previous: Manifest
  options: SinkOptions
  /** The output paths of the pages to render. */
  only: string[]
  /** Whether list pages are among them (the worker then plans those too). */
  lists: boolean
  /** The language tree and the list rules the pages are planned with. */
  tree: Tree
  categoryMeta: CategoryMetaMap
  alternates?: SiteAlternates
  /** The image table the worker completes its pages' <img> tags with. */
  images?: ImageTable
  /** What template macros need: the worker defers Python calls and holds those pages. */
  macros?: WorkerMacros
  /** The data files, for the `site.data` global. */
  data: Readonly<Record<string, unknown>>
}

/** A post body with macro tokens to render with placeholders: file, body, its first line. */
export type PlaceholderItem = [string, string, number]

export type WorkerRequest =
  | { type: 'markdown'; items: [string, string][] }
  | { type: 'placeholders'; items: PlaceholderItem[] }
  | ({ type: 'pages' } & PagesRequest)
  | { type: 'splice'; outputs: string[] }

export type { WorkerMacros }

export interface RenderWorker {
  markdown(items: [string, string][]): Promise<[string, RenderedBody][]>
  /** Bodies with macro tokens rendered with a placeholder per call (by file). */
  placeholders(items: PlaceholderItem[]): Promise<[string, PlaceholderBody][]>
  pages(request: PagesRequest): Promise<EntriesResult>
  /** The HTML of the last `pages` request's macro calls: its waiting pages are written. */
  splice(outputs: string[]): Promise<EntriesResult>
  close(): Promise<void>
}

const active = new Set<Int32Array>()

/** How many render workers are started and not closed (a test sees when they go). */
export const openRenderWorkers = (): number => active.size

/**
 * Up to this many posts, a build with a search index leaves a core to Pagefind: the index is
 * its longest step. Past it the pages take about as long as the index (rendering grows faster
 * than the index in parts), and a render worker pays off beside it (decision 0029).
 */
const PAGEFIND_CORE_MAX_POSTS = 20_000

/**
 * How many render workers a build may start: `--threads` less the main thread, else one per
 * core besides the main thread's and, when Pagefind indexes `indexing` posts (at most
 * PAGEFIND_CORE_MAX_POSTS) while the pages render, besides Pagefind's.
 */
export function workerCount(config: ResolvedConfig, indexing: number): number {
  if (config.threads !== undefined) return Math.max(0, config.threads - 1)
  const pagefind = indexing > 0 && indexing <= PAGEFIND_CORE_MAX_POSTS ? 1 : 0
  return Math.max(0, availableParallelism() - 1 - pagefind)
}

export function startRenderWorkers(config: ResolvedConfig, count: number): RenderWorker[] {
  return Array.from({ length: count }, () => startRenderWorker(config))
}

function startRenderWorker(config: ResolvedConfig): RenderWorker {
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
    async placeholders(items) {
      const reply = await ask<{ results: [string, PlaceholderBody][] }>({
        type: 'placeholders',
        items,
      })
      return reply.results
    },
    pages: (request) => ask<EntriesResult>({ type: 'pages', ...request }),
    splice: (outputs) => ask<EntriesResult>({ type: 'splice', outputs }),
    async close() {
      active.delete(flags)
      await worker.terminate()
    },
  }
}

/**
 * A stop hook (util/stop-hooks.ts): asks every render worker to stop after the file it is
 * writing (each file goes to a temporary name and is renamed, so none is left half-written)
 * and blocks until it has, at most two seconds.
 */
function stopRenderWorkers(): void {
  for (const flags of active) {
    Atomics.store(flags, 0, 1)
    const deadline = Date.now() + 2000
    while (Atomics.load(flags, 1) === 1 && Date.now() < deadline) Atomics.wait(flags, 1, 1, 100)
  }
  active.clear()
}

onStop(stopRenderWorkers)
