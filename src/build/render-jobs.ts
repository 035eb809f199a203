// renderJobs: renders the pages a build needs, on the main thread — yielding now and then so
// Ctrl-C is handled — and, when there is a render worker, on both threads at once: the worker
// takes post pages (the larger of half of them and as many as there are list pages, since a
// list costs about as much as a post page) and writes them itself.

import { setImmediate as yieldToLoop } from 'node:timers/promises'
import { type CategoryMetaMap, metaOf } from '../content/index.js'
import type { FileSink, Manifest, SinkOptions } from '../output/index.js'
import {
  type PagesResult,
  type RenderedBody,
  runPages,
  type TemplateStore,
} from '../render/index.js'
import type { PageJob, SiteAlternates } from '../site/index.js'
import type { SiteModel } from './model.js'
import type { EntriesResult, RenderWorker } from './render-pool.js'

/** The main thread yields to the event loop this often, so Ctrl-C is handled promptly. */
const YIELD_EVERY = 64

export interface RenderInput {
  jobs: readonly PageJob[]
  model: SiteModel
  sink: FileSink
  worker?: RenderWorker
  /** What the worker needs to build the same model: posts and bodies in index order. */
  bodies: readonly RenderedBody[]
  store: TemplateStore
  previous: Manifest
  /** How the worker's sink writes (as the main thread's). */
  options: SinkOptions
  /** The list rules and the other languages' pages the worker plans with. */
  categoryMeta: CategoryMetaMap
  alternates?: SiteAlternates
}

export interface Rendered {
  pages: PagesResult
  fromWorker?: EntriesResult
}

/** The post pages the worker takes: from the end, so the main thread starts with its own. */
export function workerShare(jobs: readonly PageJob[]): PageJob[] {
  const entries = jobs.filter((j) => !j.source.startsWith('bds:'))
  const lists = jobs.length - entries.length
  const count = Math.min(entries.length, Math.max(Math.ceil(entries.length / 2), lists))
  return entries.slice(entries.length - count)
}

export async function renderJobs(input: RenderInput): Promise<Rendered> {
  const { worker, model } = input
  const theirs = worker ? workerShare(input.jobs) : []
  const given = new Set(theirs)
  const mine = input.jobs.filter((j) => !given.has(j))
  // Posts cross to the worker without their bodies (it needs only the rendered HTML).
  const posts = () => model.index.posts.map(metaOf)
  const paths = theirs.map((j) => j.path)
  const fromWorker =
    theirs.length > 0
      ? worker?.entries(
          posts(),
          [...input.bodies],
          input.store,
          input.previous,
          input.options,
          paths,
          model.index.tree,
          input.categoryMeta,
          input.alternates,
          model.index.data,
        )
      : undefined
  fromWorker?.catch(() => {})
  const pages: PagesResult = { failed: [], diagnostics: [] }
  for (let from = 0; from < mine.length; from += YIELD_EVERY) {
    const to = Math.min(mine.length, from + YIELD_EVERY)
    runPages(mine, model.templates, input.sink.write, pages, from, to)
    await yieldToLoop()
  }
  return { pages, fromWorker: await fromWorker }
}
