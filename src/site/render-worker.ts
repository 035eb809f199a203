// The render worker: a second thread that renders half of the Markdown and then every post
// and standalone page, writing them itself, while the main thread renders the lists. It
// stops between two files when the build is interrupted (flag 0), so no file is left
// half-written.

import { parentPort, workerData } from 'node:worker_threads'
import type { ResolvedConfig } from '../config/index.js'
import type { Post } from '../content/index.js'
import { toDiagnostic } from '../errors/index.js'
import { createFileSink, type Manifest, type PlannedFile } from '../output/index.js'
import {
  createMarkdown,
  type RenderedBody,
  renderBody,
  type TemplateStore,
} from '../render/index.js'
import { createSiteModel } from './model.js'
import { type PagesResult, planPages, runPages } from './pages.js'
import { createRouteTable } from './route-table.js'

export type WorkerRequest =
  | { type: 'markdown'; items: [string, string][] }
  | {
      type: 'entries'
      posts: Post[]
      bodies: RenderedBody[]
      store: TemplateStore
      previous: Manifest
      force: boolean
      only?: string[]
    }

const { config, flags } = workerData as { config: ResolvedConfig; flags: Int32Array }
const md = createMarkdown(config.markdown)

function entries(request: Extract<WorkerRequest, { type: 'entries' }>) {
  const model = createSiteModel(config, request.posts, request.bodies, request.store)
  const sink = createFileSink(config.paths.out, request.previous, { force: request.force })
  const plan = planPages({ ...model, config, routes: createRouteTable(), part: 'entries' })
  // Watch mode plans every page on the main thread, which reports the plan's warnings.
  const pages: PagesResult = { failed: [], diagnostics: request.only ? [] : plan.diagnostics }
  const write = (file: PlannedFile) => {
    if (Atomics.load(flags, 0) === 1) throw new Error('interrupted')
    Atomics.store(flags, 1, 1)
    sink.write(file)
    Atomics.store(flags, 1, 0)
    Atomics.notify(flags, 1)
  }
  const only = request.only && new Set(request.only)
  const jobs = only ? plan.jobs.filter((j) => only.has(j.path)) : plan.jobs
  runPages(jobs, model.templates, write, pages)
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
