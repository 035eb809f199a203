// fullBuild: content, markdown, templates, pages, feeds, files and write, as named, timed
// steps. On larger sites a render worker takes half the Markdown and all post pages while
// the main thread renders the lists; each thread writes its own files.

import { setImmediate as yieldToLoop } from 'node:timers/promises'
import type { ResolvedConfig } from '../config/index.js'
import { loadContent, type Post } from '../content/index.js'
import { type BdsError, type Diagnostic, toDiagnostic } from '../errors/index.js'
import { createBuiltinRunner } from '../macros/builtins/index.js'
import { createFileSink, finishOutputs, type Manifest, type WriteStats } from '../output/index.js'
import { loadTemplateStore } from '../render/index.js'
import type { ScriptRow } from '../scripts/index.js'
import type { BuildDeps } from './build.js'
import { generatedFiles } from './generated.js'
import { expandMacros } from './macro-step.js'
import { createMarkdownSplit } from './markdown-split.js'
import { createSiteModel } from './model.js'
import { type PagesResult, planPages, runPages } from './pages.js'
import { preparePython } from './python-step.js'
import { startRenderWorker } from './render-pool.js'
import type { BuildReport } from './report.js'
import { createRouteTable } from './route-table.js'
import { claimCopies, listCopies } from './static-files.js'
import type { StepTimer } from './steps.js'

/** Below this many posts a second thread costs more to start than it saves. */
const PARALLEL_MIN_POSTS = 200
/** The main thread yields to the event loop this often, so Ctrl-C is handled promptly. */
const YIELD_EVERY = 64

export interface FullBuildInput {
  config: ResolvedConfig
  deps: BuildDeps
  timer: StepTimer
  previous: Manifest
  diagnostics: BdsError[]
  /** Enabled Python macro scripts. */
  macroScripts: ScriptRow[]
  /** Files under posts/, counted by the up-to-date check: decides whether a worker pays. */
  postFiles: number
}

export interface FullBuildResult {
  /** Macro calls by name. */
  macros: Record<string, number>
  outputs: WriteStats
  manifest: Manifest
  diagnostics: Diagnostic[]
  python?: BuildReport['python']
}

export async function fullBuild({
  config,
  deps,
  timer,
  previous,
  diagnostics,
  macroScripts,
  postFiles,
}: FullBuildInput): Promise<FullBuildResult> {
  const { paths } = config
  const setup = [...diagnostics]
  // The worker starts before the content is read, so its start overlaps reading.
  const useWorker = deps.parallel === 'auto' ? postFiles >= PARALLEL_MIN_POSTS : deps.parallel
  const worker = useWorker ? startRenderWorker(config) : undefined
  const python = preparePython(config, macroScripts, deps.python)
  try {
    const markdown = createMarkdownSplit(config, worker)
    const offer = (post: Post) => {
      python.notice(post)
      markdown.offer(post)
    }
    const content = await timer.step('content', () => loadContent(config, deps.fs, offer))
    diagnostics.push(...content.diagnostics)
    const posts = content.posts
    python.usePosts(posts)
    const runners = [createBuiltinRunner(), ...(python.runner ? [python.runner] : [])]
    runners.push(...(deps.macroRunners ?? []))
    const macros = await timer.step('macros', () => expandMacros(config, posts, runners, deps.fs))
    diagnostics.push(...macros.diagnostics)
    const counters = await python.finish()
    const bodies = await timer.step('markdown', () => markdown.bodies(posts, macros.bodies))
    const store = await timer.step('templates', () =>
      loadTemplateStore(deps.templatesDir, paths.templates, paths.root, deps.fs),
    )
    const model = createSiteModel(config, posts, bodies, store)
    const sink = createFileSink(paths.out, previous, { force: config.clean })
    const routes = createRouteTable()
    const plan = planPages({ ...model, config, routes, part: worker ? 'lists' : 'all' })
    const entries = worker?.entries(
      posts.map((p) => ({ ...p, body: '' })),
      bodies,
      store,
      previous,
      config.clean,
    )
    entries?.catch(() => {})
    const pages: PagesResult = { failed: [], diagnostics: [...plan.diagnostics] }
    await timer.step('pages', async () => {
      for (let from = 0; from < plan.jobs.length; from += YIELD_EVERY) {
        runPages(
          plan.jobs,
          model.templates,
          sink.write,
          pages,
          from,
          Math.min(plan.jobs.length, from + YIELD_EVERY),
        )
        await yieldToLoop()
      }
    })
    await timer.step('feeds', async () => {
      for (const file of generatedFiles(config, model.collections, model.views, plan.routes)) {
        if (routes.claim(file.path, file.source)) sink.write(file)
      }
    })
    const copies = await timer.step('files', async () => {
      const all = await listCopies(config, store, deps.fs)
      for (const file of claimCopies(all, routes)) sink.write(file)
      return all
    })
    const fromWorker = await timer.step('entries', async () => entries)
    diagnostics.push(...pages.diagnostics, ...routes.diagnostics)
    const parts = fromWorker ? [sink.result(), fromWorker.result] : [sink.result()]
    const failed = [...pages.failed, ...(fromWorker?.failed ?? [])]
    const written = await timer.step('write', async () =>
      finishOutputs(paths.out, previous, parts, failed),
    )
    const contentErrors = content.diagnostics
    const manifest = written.manifest
    deps.retain?.({
      config,
      macroScripts,
      setup,
      posts,
      bodies,
      contentErrors,
      macros,
      store,
      copies,
      manifest,
      failed,
    })
    return {
      python: counters && { ...counters, output: macros.captured },
      macros: macros.counts,
      outputs: written.stats,
      manifest: written.manifest,
      diagnostics: [
        ...diagnostics.map(toDiagnostic),
        ...(fromWorker?.diagnostics ?? []),
        ...written.diagnostics,
      ],
    }
  } finally {
    await python.finish()
    await worker?.close()
  }
}
