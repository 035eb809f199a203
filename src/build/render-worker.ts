// The render worker: a second thread that renders Markdown and post pages, writing them
// itself, while the main thread renders the rest. It builds the same model from the same
// posts (without their bodies) and stops between two files when the build is interrupted
// (flag 0), so no file is left half-written.

import { parentPort, workerData } from 'node:worker_threads'
import type { ResolvedConfig } from '../config/index.js'
import { type CategoryMetaMap, listRules, type PostMeta } from '../content/index.js'
import { type Diagnostic, toDiagnostic } from '../errors/index.js'
import {
  createDiskWriter,
  createFileSink,
  type Manifest,
  type PlannedFile,
  type SinkOptions,
  type WriteResult,
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
import {
  createPageMacros,
  macroSiteOf,
  type PageMacros,
  type WorkerMacros,
  writeHeld,
} from './template-macros.js'

/** What the worker answers for its post pages (render-pool.ts's Entries). */
interface Entries {
  result: WriteResult
  failed: string[]
  diagnostics: Diagnostic[]
}

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
      macros?: WorkerMacros
    }
  | { type: 'splice'; outputs: string[] }

const { config, flags } = workerData as { config: ResolvedConfig; flags: Int32Array }
const md = createMarkdown(config.markdown)

/** The last `entries` whose pages wait for its template macro calls. */
let waiting:
  | {
      macros: PageMacros
      held: PlannedFile[]
      write: (file: PlannedFile) => void
      done: () => Entries
    }
  | undefined

function entries(request: Extract<WorkerRequest, { type: 'entries' }>) {
  const rules = listRules(request.categoryMeta)
  const index = indexSite(request.posts, config.timezone, rules, request.tree)
  const byFile = new Map(request.posts.map((p) => [p.file, p]))
  const macros =
    request.macros &&
    createPageMacros(macroSiteOf(config, index, request.macros.media), (f) => byFile.get(f))
  const model = createSiteModel(config, index, request.bodies, request.store, undefined, macros)
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
  const held: PlannedFile[] = []
  const emit = (file: PlannedFile) =>
    macros?.holds(String(file.contents)) ? held.push(file) : write(file)
  runPages(
    plan.jobs.filter((j) => only.has(j.path)),
    model.templates,
    emit,
    pages,
  )
  const diagnostics = pages.diagnostics.map(toDiagnostic)
  const done = (): Entries => ({ result: sink.result(), failed: pages.failed, diagnostics })
  waiting = macros ? { macros, held, write, done } : undefined
  if (!macros) return done()
  return {
    ...done(),
    macros: { calls: macros.deferred, diagnostics: macros.diagnostics().map(toDiagnostic) },
  }
}

/** Writes the waiting pages of the last `entries`, `outputs` being the HTML of its calls. */
function splice(outputs: string[]): Entries | undefined {
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
    } else if (request.type === 'splice') {
      const result = splice(request.outputs)
      if (!result) throw new Error('splice: the last entries had no template macros')
      parentPort?.postMessage({ type: 'splice', ...result })
    } else {
      parentPort?.postMessage({ type: 'entries', ...entries(request) })
    }
  } catch (error) {
    parentPort?.postMessage({ type: 'error', message: (error as Error).stack ?? String(error) })
  }
})
