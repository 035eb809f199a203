// renderJobs: renders the pages a build needs on the main thread — yielding now and then so
// Ctrl-C is handled — and, with render workers, on every thread at once. shareJobs splits
// the pages: a page costs about the same anywhere, but list pages also render the summaries
// of the posts they show, once per thread, so lists stay on the main thread unless there
// are far more of them than a thread's share; the workers take post pages first.

import { setImmediate as yieldToLoop } from 'node:timers/promises'
import { type CategoryMetaMap, metaOf } from '../content/index.js'
import type { FileSink, Manifest, SinkOptions } from '../output/index.js'
import {
  type ImageTable,
  type PagesResult,
  type RenderedBody,
  runPages,
  type TemplateStore,
} from '../render/index.js'
import type { PageJob, SiteAlternates } from '../site/index.js'
import { shareBodies } from './body-file.js'
import type { SiteModel } from './model.js'
import type { EntriesResult, RenderWorker, WorkerMacros } from './render-pool.js'

/** The main thread yields to the event loop this often, so Ctrl-C is handled promptly. */
const YIELD_EVERY = 64

export interface RenderInput {
  jobs: readonly PageJob[]
  model: SiteModel
  sink: FileSink
  workers: readonly RenderWorker[]
  /** The bodies in index order: a worker builds the same model (it reads them from a file). */
  bodies: readonly RenderedBody[]
  store: TemplateStore
  previous: Manifest
  /** How a worker's sink writes (as the main thread's). */
  options: SinkOptions
  /** The list rules and the other languages' pages a worker plans with. */
  categoryMeta: CategoryMetaMap
  alternates?: SiteAlternates
  /** The image table the worker completes its pages' <img> tags with. */
  images?: ImageTable
  /** Set when the templates call macros. */
  macros?: WorkerMacros
}

export interface Rendered {
  pages: PagesResult
  fromWorkers: EntriesResult[]
  /** The worker each of `fromWorkers` came from. */
  asked: RenderWorker[]
}

export interface Shares {
  main: PageJob[]
  /** One list per worker, each possibly empty. */
  workers: PageJob[][]
}

const isList = (job: PageJob) => job.source.startsWith('bds:')

/**
 * Splits `jobs` between the main thread and `workers` threads: each thread's share is about
 * 1/threads of the pages. The main thread takes the list pages (all of them when the excess
 * over its share is under a quarter of a share, since a thread renders each summary it
 * shows once), then post pages if it still has room; the workers split the rest evenly,
 * post pages first.
 */
export function shareJobs(jobs: readonly PageJob[], workers: number): Shares {
  if (workers === 0) return { main: [...jobs], workers: [] }
  const lists = jobs.filter(isList)
  const entries = jobs.filter((j) => !isList(j))
  const share = Math.ceil(jobs.length / (workers + 1))
  const keepLists = lists.length - share < share / 4 ? lists.length : share
  const mainEntries = Math.max(0, share - keepLists)
  const main = [...entries.slice(0, mainEntries), ...lists.slice(0, keepLists)]
  const rest = [...entries.slice(mainEntries), ...lists.slice(keepLists)]
  const each = Math.ceil(rest.length / workers)
  return {
    main,
    workers: Array.from({ length: workers }, (_, i) => rest.slice(i * each, (i + 1) * each)),
  }
}

export async function renderJobs(input: RenderInput): Promise<Rendered> {
  const { workers, model } = input
  const shares = shareJobs(input.jobs, workers.length)
  const sharing = shares.workers.some((s) => s.length > 0)
  // Posts cross to a worker without their Markdown; their HTML stays in a file it reads.
  const posts = sharing ? model.index.posts.map(metaOf) : []
  const shared = sharing ? shareBodies(input.bodies) : undefined
  const asked = workers.filter((_, i) => (shares.workers[i]?.length ?? 0) > 0)
  const fromWorkers = shares.workers.flatMap((share, i) =>
    share.length === 0
      ? []
      : [
          (workers[i] as RenderWorker).pages({
            posts,
            bodies: shared?.file ?? [],
            store: input.store,
            previous: input.previous,
            options: input.options,
            only: share.map((j) => j.path),
            lists: share.some(isList),
            tree: model.index.tree,
            categoryMeta: input.categoryMeta,
            alternates: input.alternates,
            images: input.images,
            macros: input.macros,
            data: model.index.data,
          }),
        ],
  )
  const all = Promise.all(fromWorkers)
  all.catch(() => {})
  try {
    const pages: PagesResult = { failed: [], diagnostics: [] }
    for (let from = 0; from < shares.main.length; from += YIELD_EVERY) {
      const to = Math.min(shares.main.length, from + YIELD_EVERY)
      runPages(shares.main, model.templates, input.sink.write, pages, from, to)
      await yieldToLoop()
    }
    return { pages, fromWorkers: await all, asked }
  } finally {
    // The workers have rendered their pages (or failed): none reads a body again.
    await all.catch(() => {})
    shared?.remove()
  }
}
