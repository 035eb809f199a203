// runPipeline: the one step list of every build — scripts → content → index → macros →
// markdown → templates → pages → generated → copies → write. A full build runs it with no
// previous state (everything changed); a watch rebuild passes the last state and what changed,
// and each step redoes only what its inputs changed. It returns the new state.

import type { ResolvedConfig } from '../config/index.js'
import { loadMedia, type MediaResult, type Post } from '../content/index.js'
import { type BdsError, type Diagnostic, toDiagnostic } from '../errors/index.js'
import { createBuiltinRunner } from '../macros/builtins/index.js'
import {
  claimOutput,
  createFileSink,
  emptyStats,
  finishOutputs,
  type Manifest,
  type OutputWriter,
  type Ownership,
  recordOutput,
  type WriteResult,
  type WriteStats,
} from '../output/index.js'
import { createMarkdown, type RenderedBody, type SitemapMemo } from '../render/index.js'
import { indexSite, SUMMARY } from '../site/index.js'
import { isInside, realPath } from '../util/real-path.js'
import type { SiteChanges } from './changes.js'
import type { BuildDeps } from './deps.js'
import { createSiteModel } from './model.js'
import { planBuild } from './planner.js'
import { renderJobs } from './render-jobs.js'
import { type RenderWorker, startRenderWorker } from './render-pool.js'
import type { BuildReport } from './report.js'
import type { PipelineState } from './state.js'
import {
  applyContentChanges,
  contentErrors,
  contentOrder,
  readAllContent,
} from './steps/content.js'
import { emitCopies, listCopies } from './steps/copies.js'
import { emitGenerated } from './steps/generated.js'
import { emptyMacroMemo, macroReport, runMacroStep } from './steps/macros.js'
import { createMarkdownStep } from './steps/markdown.js'
import { runScriptsStep } from './steps/scripts.js'
import { runTemplatesStep } from './steps/templates.js'
import { changedOutputs } from './steps/write.js'
import type { StepTimer } from './timer.js'

/** Below this many posts a second thread costs more to start than it saves. */
const PARALLEL_MIN_POSTS = 200
/** Fewer changed post pages than this are rendered faster than a worker starts. */
const WORKER_MIN_ENTRIES = 1000

export interface PipelineInput {
  config: ResolvedConfig
  deps: BuildDeps
  timer: StepTimer
  /** Diagnostics of the config (and the build cache). */
  setup: BdsError[]
  /** What the last build wrote into the output folder (from the build cache). */
  manifest: Manifest
  /** The state of the last build, for a rebuild; a full build has none. */
  previous?: PipelineState
  changes: SiteChanges
  /** Files under posts/ (counted by the up-to-date check): decides whether a worker pays. */
  postFiles: number
  /** Keep what a rebuild needs (page keys, the macros' site key). */
  keep: boolean
}

export interface PipelineResult {
  state: PipelineState
  diagnostics: Diagnostic[]
  outputs: WriteStats
  /** Macro calls by name. */
  macros: Record<string, number>
  python?: BuildReport['python']
  /** Output files written or removed, relative to the output folder. */
  changed: string[]
}

const carriedResult = (manifest: Manifest): WriteResult => ({
  stats: { ...emptyStats(), unchanged: manifest.size, total: manifest.size },
  manifest,
  diagnostics: [],
})

const recordFailed = (writer: OutputWriter, error: unknown): Diagnostic => ({
  severity: 'error',
  code: 'BDS_OUTPUT_WRITE',
  message: `Cannot write the output folder's record ${writer.root}/.bds-output.json: ${(error as Error).message}`,
  hint: 'Check permissions and free space in the output folder; the next build writes it.',
})

/** The record with the files the folder already holds, before this build writes any. */
function recordEarly(writer: OutputWriter, siteRoot: string, claimed: Ownership) {
  try {
    return { ownership: recordOutput(writer, siteRoot, new Map(), claimed) }
  } catch (error) {
    return { ownership: claimed, diagnostic: recordFailed(writer, error) }
  }
}

/** Records what the folder now holds; a record that cannot be written is one more error. */
function recordOwnership(
  writer: OutputWriter,
  siteRoot: string,
  written: WriteResult,
  before: Ownership,
  early: { diagnostic?: Diagnostic }[],
): Ownership {
  try {
    return recordOutput(writer, siteRoot, written.manifest, before)
  } catch (error) {
    written.stats.notWritten += 1
    written.diagnostics.push(recordFailed(writer, error))
    return before
  } finally {
    for (const e of early) if (e.diagnostic) written.diagnostics.unshift(e.diagnostic)
  }
}

function wantsWorker(parallel: BuildDeps['parallel'], count: number, threshold: number) {
  return parallel === 'auto' ? count >= threshold : parallel
}

export async function runPipeline(input: PipelineInput): Promise<PipelineResult> {
  const { config, deps, timer, changes, keep, previous: prev } = input
  const { paths } = config
  const writer = deps.output(paths.out)
  const siteRoot = realPath(paths.root)
  const claimed =
    prev?.ownership ??
    claimOutput(writer, {
      siteRoot,
      inside: isInside(realPath(paths.out), siteRoot),
      force: config.forceOutput,
    })
  // The folder is marked as this site's before the first file goes in, so a build that stops
  // half-way (a full disk) leaves a folder the next build recognises.
  const early = prev ? [] : [recordEarly(writer, siteRoot, claimed)]
  const ownership = early[0]?.ownership ?? claimed
  if (!prev) writer.clearTemp()
  // A full build's worker starts before the content is read, so its start overlaps reading.
  let worker: RenderWorker | undefined =
    !prev && wantsWorker(deps.parallel, input.postFiles, PARALLEL_MIN_POSTS)
      ? startRenderWorker(config)
      : undefined
  const scripts = await timer.step('scripts', () =>
    runScriptsStep(config, deps, prev, changes.scripts),
  )
  const { python } = scripts
  try {
    const md = createMarkdown(config.markdown)
    const markdown = createMarkdownStep(md, worker)
    const offer = (post: Post) => {
      python.notice(post)
      markdown.offer(post)
    }
    const content = await timer.step('content', async () => {
      if (!prev) return { ...(await readAllContent(config, deps.fs, offer)), changed: undefined }
      const applied = await applyContentChanges(config, deps.fs, prev, changes.content)
      for (const file of applied.changed) {
        const post = applied.posts.get(file)
        if (post) python.notice(post)
      }
      return applied
    })
    const posts = contentOrder(content.posts)
    const bodies = new Map<string, RenderedBody>()
    for (const [file, body] of prev?.bodies ?? [])
      if (content.posts.has(file) && !content.changed?.has(file)) bodies.set(file, body)
    const index = await timer.step('index', () => indexSite(posts, config.timezone))
    python.useIndex(index)
    let media: Promise<MediaResult> | undefined
    const macros = await timer.step('macros', () =>
      runMacroStep({
        config,
        md,
        posts,
        index,
        media: () => {
          media ??= loadMedia(paths.root, paths.media, posts, deps.fs)
          return media
        },
        runners: [
          createBuiltinRunner(),
          ...(python.runner ? [python.runner] : []),
          ...(deps.macroRunners ?? []),
        ],
        memo: prev?.macros ?? emptyMacroMemo,
        changes: { all: !prev, media: changes.media, scripts: scripts.changed },
        keep,
        bodies,
      }),
    )
    const counters = await python.finish()
    await timer.step('markdown', () => markdown.complete(posts, bodies))
    const theme = await timer.step('templates', () =>
      runTemplatesStep(config, deps, keep, prev, changes.templates),
    )
    const { store } = theme
    const ordered = posts.map((p) => bodies.get(p.file) as RenderedBody)
    const model = createSiteModel(config, index, ordered, store, theme.memo)
    const plan = await timer.step('plan', () =>
      planBuild({
        config,
        model,
        templateDeps: theme.templateDeps,
        hasSummary: store.templates.has(SUMMARY),
        previous: prev,
      }),
    )
    if (prev && plan.summaryKey !== prev.summaryKey) theme.memo.summaries.html.clear()
    const previous = prev?.manifest ?? input.manifest
    const options = {
      force: !prev && config.clean,
      owned: ownership.owned,
      takeOver: config.forceOutput,
    }
    const sink = createFileSink(writer, previous, options)
    const entries = plan.dirty.filter((j) => !j.source.startsWith('bds:')).length
    if (!worker && prev && wantsWorker(deps.parallel, entries, WORKER_MIN_ENTRIES))
      worker = startRenderWorker(config)
    const rendered = await timer.step('pages', () =>
      renderJobs({
        jobs: plan.dirty,
        model,
        sink,
        worker,
        bodies: ordered,
        store,
        previous,
        options,
      }),
    )
    const failed = [...rendered.pages.failed, ...(rendered.fromWorker?.failed ?? [])]
    for (const path of failed) plan.keys.delete(path)
    const sitemap: SitemapMemo | undefined = keep ? (prev?.sitemap ?? {}) : undefined
    await timer.step('generated', () =>
      emitGenerated(config, model, plan.plan.routes, plan.routes, sink, sitemap),
    )
    const relist = !prev || changes.static || changes.media || changes.templates
    const copies = await timer.step('copies', async () => {
      const all = relist ? await listCopies(config, store, deps.fs) : prev.copies
      emitCopies(all, plan.routes, sink, plan.carried, relist ? undefined : prev?.manifest)
      return all
    })
    const worked = rendered.fromWorker ? [rendered.fromWorker.result] : []
    const parts = [sink.result(), ...worked, carriedResult(plan.carried)]
    const written = await timer.step('write', async () =>
      finishOutputs(writer, previous, parts, failed),
    )
    const owner = recordOwnership(writer, siteRoot, written, ownership, early)
    writer.clearTemp()
    const report = macroReport(macros.memo)
    const problems = [
      ...input.setup,
      ...scripts.diagnostics,
      ...contentErrors(content.errors),
      ...report.diagnostics,
      ...plan.plan.diagnostics,
      ...rendered.pages.diagnostics,
      ...plan.routes.diagnostics,
    ]
    const state: PipelineState = {
      config,
      configDiagnostics: input.setup.filter((d) => d.code !== 'BDS_CACHE_RESET'),
      scripts: scripts.rows,
      macroScripts: scripts.macros,
      scriptDiagnostics: scripts.diagnostics,
      python,
      posts: content.posts,
      errors: content.errors,
      bodies,
      macros: macros.memo,
      store,
      templateDeps: theme.templateDeps,
      memo: theme.memo,
      copies,
      sitemap: sitemap ?? {},
      manifest: written.manifest,
      ownership: owner,
      keys: plan.keys,
      summaryKey: plan.summaryKey,
    }
    return {
      state,
      diagnostics: [
        ...problems.map(toDiagnostic),
        ...(rendered.fromWorker?.diagnostics ?? []),
        ...written.diagnostics,
      ],
      outputs: written.stats,
      macros: report.counts,
      python: !prev && counters ? { ...counters, output: macros.captured } : undefined,
      changed: changedOutputs(previous, written.manifest),
    }
  } finally {
    await python.finish()
    await worker?.close()
  }
}
