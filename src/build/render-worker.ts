// The render worker: a second thread that renders Markdown and post pages, writing them
// itself, while the main thread renders the rest. It builds the same model from the same
// posts (without their bodies) and stops between two files when the build is interrupted
// (flag 0), so no file is left half-written.

import { parentPort, workerData } from 'node:worker_threads'
import type { ResolvedConfig } from '../config/index.js'
import { type CategoryMetaMap, listRules, type PostMeta } from '../content/index.js'
import { toDiagnostic } from '../errors/index.js'
import {
  createDiskWriter,
  createFileSink,
  type Manifest,
  type PlannedFile,
  type SinkOptions,
} from '../output/index.js'
import {
  createMarkdown,
  type PagesResult,
  type RenderedBody,
  renderBody,
  runPages,
  type TemplateStore,
} from '../render/index.js'
import {
  createRouteTable,
  indexSite,
  planPages,
  type SiteAlternates,
  type Tree,
} from '../site/index.js'
import { createSiteModel } from './model.js'

export type WorkerRequest =
  | { type: 'markdown'; items: [string, string][] }
  | {
      type: 'entries'
      posts: PostMeta[]
      bodies: RenderedBody[]
      store: TemplateStore
      previous: Manifest
      options: SinkOptions
      /** The output paths to render. */
      only: string[]
      tree: Tree
      categoryMeta: CategoryMetaMap
      alternates?: SiteAlternates
      /** The data files (the `site.data` global). */
      data: Readonly<Record<string, unknown>>
    }

const { config, flags } = workerData as { config: ResolvedConfig; flags: Int32Array }
const md = createMarkdown(config.markdown)

function entries(request: Extract<WorkerRequest, { type: 'entries' }>) {
  const rules = listRules(request.categoryMeta)
  const options = { taxonomies: config.taxonomies, data: request.data }
  const index = indexSite(request.posts, config.timezone, rules, request.tree, options)
  const model = createSiteModel(config, index, request.bodies, request.store)
  const writer = createDiskWriter(config.paths.out)
  const sink = createFileSink(writer, request.previous, request.options)
  const routes = createRouteTable()
  const { collections, tree } = index
  const { alternates } = request
  const plan = planPages({
    ...model,
    collections,
    tree,
    config,
    routes,
    alternates,
    part: 'entries',
  })
  // The main thread plans every page too, and reports the plan's warnings.
  const pages: PagesResult = { failed: [], diagnostics: [] }
  const write = (file: PlannedFile) => {
    if (Atomics.load(flags, 0) === 1) throw new Error('interrupted')
    Atomics.store(flags, 1, 1)
    sink.write(file)
    Atomics.store(flags, 1, 0)
    Atomics.notify(flags, 1)
  }
  const only = new Set(request.only)
  runPages(
    plan.jobs.filter((j) => only.has(j.path)),
    model.templates,
    write,
    pages,
  )
  const diagnostics = pages.diagnostics.map(toDiagnostic)
  return { result: sink.result(), failed: pages.failed, diagnostics }
}

parentPort?.on('message', (request: WorkerRequest) => {
  try {
    if (request.type === 'markdown') {
      const results = request.items.map(([i, body]) => [i, renderBody(md, body)] as const)
      parentPort?.postMessage({ type: 'markdown', results })
    } else {
      parentPort?.postMessage({ type: 'entries', ...entries(request) })
    }
  } catch (error) {
    parentPort?.postMessage({ type: 'error', message: (error as Error).stack ?? String(error) })
  }
})
