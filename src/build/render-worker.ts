// A render worker: a thread that renders Markdown (plain, or with a placeholder per macro
// call) and the pages it is given, writing them itself, while the main thread and the other
// workers render the rest. It builds the same model from the same posts (without their
// bodies) and stops between two files when the build is interrupted (flag 0), so no file is
// left half-written. Pages that call a Python macro from a template wait in the worker until
// the main thread has run every worker's calls in one pass and sends their HTML (`splice`).

import { parentPort, workerData } from 'node:worker_threads'
import type { ResolvedConfig } from '../config/index.js'
import { listRules } from '../content/index.js'
import { toDiagnostic } from '../errors/index.js'
import { renderPlaceholders } from '../macros/index.js'
import { createDiskWriter, createFileSink, type PlannedFile } from '../output/index.js'
import {
  createMarkdown,
  type PagesResult,
  type RenderedBody,
  renderBody,
  runPages,
} from '../render/index.js'
import {
  createRouteTable,
  indexSite,
  type LazyBody,
  planPages,
  type SiteIndex,
} from '../site/index.js'
import { openBodyFile } from './body-file.js'
import { createSiteModel } from './model.js'
import type { EntriesResult, PagesRequest, WorkerRequest } from './render-pool.js'
import { imageLookup, imagesSink } from './steps/image-pages.js'
import { createPageMacros, macroSiteOf, type PageMacros, writeHeld } from './template-macros.js'

const { config, flags } = workerData as { config: ResolvedConfig; flags: Int32Array }
const md = createMarkdown(config.markdown)

/** The last `pages` request whose pages wait for its template macro calls. */
let waiting:
  | {
      macros: PageMacros
      held: PlannedFile[]
      write: (file: PlannedFile) => void
      done: () => EntriesResult
    }
  | undefined

function pages(request: PagesRequest): EntriesResult {
  const rules = listRules(request.categoryMeta)
  const options = { taxonomies: config.taxonomies, data: request.data }
  const index = indexSite(request.posts, config.timezone, rules, request.tree, options)
  const byFile = new Map(request.posts.map((p) => [p.file, p]))
  const macros =
    request.macros &&
    createPageMacros(
      macroSiteOf(
        config,
        index,
        request.macros.media,
        request.images && imageLookup(request.images),
      ),
      (f) => byFile.get(f),
    )
  const bodies = openBodyFile(request.bodies)
  try {
    return render(request, index, macros, bodies.bodies)
  } finally {
    // Every page is rendered (those waiting for macro calls as text): no body is read again.
    bodies.close()
  }
}

function render(
  request: PagesRequest,
  index: SiteIndex,
  macros: PageMacros | undefined,
  bodies: readonly (RenderedBody | LazyBody)[],
): EntriesResult {
  const model = createSiteModel(config, index, bodies, request.store, undefined, macros)
  const writer = createDiskWriter(config.paths.out)
  const sink = imagesSink(createFileSink(writer, request.previous, request.options), request.images)
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
    part: request.lists ? 'all' : 'entries',
  })
  // The main thread plans every page too, and reports the plan's warnings.
  const result: PagesResult = { failed: [], diagnostics: [] }
  const write = (file: PlannedFile) => {
    if (Atomics.load(flags, 0) === 1) throw new Error('interrupted')
    Atomics.store(flags, 1, 1)
    sink.write(file)
    Atomics.store(flags, 1, 0)
    Atomics.notify(flags, 1)
  }
  const only = new Set(request.only)
  const held: PlannedFile[] = []
  const emit = (file: PlannedFile) =>
    macros?.holds(String(file.contents)) ? held.push(file) : write(file)
  runPages(
    plan.jobs.filter((j) => only.has(j.path)),
    model.templates,
    emit,
    result,
  )
  const diagnostics = result.diagnostics.map(toDiagnostic)
  const done = () => ({ result: sink.result(), failed: result.failed, diagnostics })
  waiting = macros ? { macros, held, write, done } : undefined
  if (!macros) return done()
  return {
    ...done(),
    macros: { calls: macros.deferred, diagnostics: macros.diagnostics().map(toDiagnostic) },
  }
}

/** Writes the waiting pages of the last `pages` request, `outputs` being its calls' HTML. */
function splice(outputs: string[]): EntriesResult | undefined {
  const now = waiting
  waiting = undefined
  if (!now) return undefined
  const out = writeHeld(now.held, now.macros, outputs, now.write, config.macros.pageChars)
  const { result, failed, diagnostics } = now.done()
  return {
    result,
    failed: [...failed, ...out.failed],
    diagnostics: [...diagnostics, ...out.diagnostics.map(toDiagnostic)],
  }
}

parentPort?.on('message', (request: WorkerRequest) => {
  try {
    if (request.type === 'markdown') {
      const results = request.items.map(([i, body]) => [i, renderBody(md, body)] as const)
      parentPort?.postMessage({ type: 'markdown', results })
    } else if (request.type === 'placeholders') {
      const results = request.items.map(
        ([file, body, line]) => [file, renderPlaceholders(md, body, file, line)] as const,
      )
      parentPort?.postMessage({ type: 'placeholders', results })
    } else if (request.type === 'splice') {
      const result = splice(request.outputs)
      if (!result) throw new Error('splice: the last pages request had no template macros')
      parentPort?.postMessage({ type: 'splice', ...result })
    } else {
      parentPort?.postMessage({ type: 'pages', ...pages(request) })
    }
  } catch (error) {
    parentPort?.postMessage({ type: 'error', message: (error as Error).stack ?? String(error) })
  }
})
