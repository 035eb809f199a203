// runPipeline: the one step list of every build — scripts → content → index → macros →
// markdown → templates → links → plan → pages → generated → copies → write. A full build runs
// it with no previous state (everything changed); a watch rebuild passes the last state and
// what changed, and each step redoes only what its inputs changed. Steps from index to
// generated run once per language tree (build/trees.ts). It returns the new state; what it
// takes and gives is in pipeline-io.ts.

import { cachedRunner, cacheKey, createBuildCache } from '../cache/index.js'
import {
  changedData,
  listRules,
  loadMedia,
  type MediaResult,
  type Post,
  readBdsMeta,
  readDataFiles,
} from '../content/index.js'
import { toDiagnostic } from '../errors/index.js'
import { createBuiltinRunner } from '../macros/builtins/index.js'
import { utilityKey } from '../macros/python/index.js'
import { createFileSink, finishOutputs, type Manifest } from '../output/index.js'
import { createMarkdown, type RenderedBody, type SitemapMemo } from '../render/index.js'
import { createRouteTable, SUMMARY } from '../site/index.js'
import { createModelMemo, createSiteModel } from './model.js'
import { planBuild } from './planner.js'
import { type RenderWorker, startRenderWorkers, workerCount } from './render-pool.js'
import type { PipelineState, TreeState } from './state.js'
import { createBodyCache } from './steps/body-cache.js'
import {
  applyContentChanges,
  contentErrors,
  contentOrder,
  readAllContent,
  summarizeContent,
} from './steps/content.js'
import { emitCopies, listCopies } from './steps/copies.js'
import { emitGenerated } from './steps/generated.js'
import { imageLookup, imagesSink, withImagesKey } from './steps/image-pages.js'
import { startImages } from './steps/images.js'
import { linkContext, rewriteBodies, uniqueByPosition } from './steps/links.js'
import { emptyMacroMemo, macroReport, runMacroStep } from './steps/macros.js'
import { carryBodies, completeTrees, createMarkdownStep } from './steps/markdown.js'
import { carriedResult, claimOwnership, recordOwnership } from './steps/ownership.js'
import { createPageCache } from './steps/page-cache.js'
import { runScriptsStep } from './steps/scripts.js'
import { runSearchStep } from './steps/search.js'
import { keepSearch, searchStore } from './steps/search-cache.js'
import { prepareTemplateMacros, renderWithMacros } from './steps/template-macros.js'
import { runTemplatesStep } from './steps/templates.js'
import { changedOutputs } from './steps/write.js'
import { buildTrees, siteAlternates } from './trees.js'

/** Below this many posts a second thread costs more to start than it saves. */
const PARALLEL_MIN_POSTS = 200
/** Fewer changed post pages than this are rendered faster than a worker starts. */
const WORKER_MIN_ENTRIES = 1000

import type { PipelineInput, PipelineResult } from './pipeline-io.js'

export type { PipelineInput, PipelineResult }

/**
 * The render workers to start: none below `threshold` items, at least one when forced;
 * `indexing`: the posts Pagefind indexes meanwhile (render-pool.ts: workerCount).
 */
function workersFor(input: PipelineInput, count: number, threshold: number, indexing: number) {
  const wanted = input.deps.parallel === 'auto' ? count >= threshold : input.deps.parallel
  const forced = input.deps.parallel === true ? 1 : 0
  return wanted ? Math.max(forced, workerCount(input.config, indexing)) : 0
}

export async function runPipeline(input: PipelineInput): Promise<PipelineResult> {
  const { config, deps, timer, changes, keep, previous: prev } = input
  const { paths } = config
  const writer = deps.output(paths.out)
  const now = deps.now()
  const owner = claimOwnership(writer, config, prev?.ownership)
  const cache = input.cache ?? createBuildCache()
  // A full build's workers start before the content is read, so their start overlaps reading
  // (unless the build cache holds pages: then they start only if many are left to render, and
  // beside a Pagefind that may have nothing to do). A cold build makes its search index anew.
  const indexing = config.search ? input.postFiles : 0
  let workers: RenderWorker[] =
    !prev && cache.cold()
      ? startRenderWorkers(config, workersFor(input, input.postFiles, PARALLEL_MIN_POSTS, indexing))
      : []
  const scripts = await timer.step('scripts', () =>
    runScriptsStep(config, deps, prev, changes.scripts, cache.cold()),
  )
  const { python } = scripts
  const imaging = startImages(
    config,
    deps,
    prev?.images,
    !prev || changes.media || changes.static || changes.templates,
  )
  try {
    const md = createMarkdown(config.markdown)
    const bodyCache = createBodyCache(cache, config.markdown)
    const markdown = createMarkdownStep(md, bodyCache, workers)
    python.useChecks({
      get: (key) => cache.get('checks', cacheKey('check', key)),
      put: (key, value) => cache.put('checks', cacheKey('check', key), value),
    })
    const offer = (post: Post) => {
      // Python starts early only for a post the cache has not seen (its calls will run).
      const known = bodyCache.known(post)
      if (!known) python.notice(post)
      markdown.offer(post, known)
    }
    const content = await timer.step('content', async () => {
      if (!prev)
        return { ...(await readAllContent(config, deps.fs, offer, now)), changed: undefined }
      const applied = await applyContentChanges(config, deps.fs, prev, changes.content, now)
      for (const file of applied.changed) {
        const post = applied.posts.get(file)
        if (post) python.notice(post)
      }
      return applied
    })
    const meta = prev?.meta ?? (await readBdsMeta(paths.root, deps.fs))
    const data = prev && !changes.data ? prev.data : await readDataFiles(config, deps.fs)
    const posts = contentOrder(content.posts)
    const resolved = prev?.resolved ?? new WeakMap()
    const { trees, diagnostics: translationProblems } = await timer.step('index', () =>
      buildTrees(
        config,
        posts,
        content.translations.values(),
        listRules(meta.categoryMeta),
        resolved,
        data.values,
      ),
    )
    const main = trees[0] as (typeof trees)[number]
    let media: Promise<MediaResult> | undefined
    const loadMediaOnce = () => {
      media ??= loadMedia(paths.root, paths.media, posts, deps.fs)
      return media
    }
    python.useSite({ index: main.index, media: loadMediaOnce, meta })
    const runners = [
      createBuiltinRunner(),
      ...(python.runner ? [python.runner] : []),
      ...(deps.macroRunners ?? []),
    ].map((runner) => cachedRunner(runner, cache))
    const bodies = trees.map((t, i) =>
      carryBodies(t.posts, prev?.trees[i]?.bodies, content.changed),
    )
    const lookup = imageLookup((await imaging).table)
    const macroSteps = await timer.step('macros', async () => {
      const done = []
      for (const [i, t] of trees.entries()) {
        done.push(
          await runMacroStep({
            config,
            md,
            posts: t.posts,
            index: t.index,
            media: loadMediaOnce,
            runners,
            memo: prev?.trees[i]?.macros ?? emptyMacroMemo,
            changes: {
              all: !prev,
              media: changes.media,
              scripts: scripts.changed,
              data: prev ? changedData(prev.data, data) : undefined,
            },
            keep,
            bodies: bodies[i] as Map<string, RenderedBody>,
            cache: bodyCache,
            rendered: markdown.placeholder,
            images: lookup,
          }),
        )
      }
      return done
    })
    await timer.step('markdown', () => completeTrees(markdown, trees, bodies))
    const theme = await timer.step('templates', () =>
      runTemplatesStep(config, deps, keep || cache.enabled, prev, changes.templates),
    )
    const { store } = theme
    const linked = await timer.step('links', async () => {
      const items = async () => (await loadMediaOnce()).items
      const out = []
      for (const [i, t] of trees.entries()) {
        const memo = (!changes.media && prev?.trees[i]?.links) || new WeakMap()
        const known = bodies[i] as Map<string, RenderedBody>
        const result = await rewriteBodies(t.posts, known, linkContext(t.index, items), memo)
        out.push({ ...result, memo })
      }
      return out
    })
    const searchTrees = trees.map((t, i) => ({
      ...t.index,
      bodies: linked[i]?.bodies ?? new Map(),
    }))
    const searching = timer.step('search', () =>
      runSearchStep(config, searchTrees, keep, prev?.search, searchStore(cache)),
    )
    searching.catch(() => {}) // awaited after the pages, which render meanwhile
    const templateMacros = await prepareTemplateMacros({
      ...{ config, store, trees, media: loadMediaOnce, python, runners },
      keep: keep || cache.enabled,
      warm: cache.cold(),
      scripts: scripts.macros,
      utilities: utilityKey(scripts.rows),
      images: lookup,
    })
    // Python stops here unless a template may still call it.
    let counters = templateMacros?.python ? undefined : await python.finish()
    const routes = createRouteTable()
    const alternates = siteAlternates(trees)
    const models = trees.map((t, i) => {
      const kept = !theme.newViews && prev?.trees[i]?.memo
      const memo = kept || createModelMemo()
      // A kept summary may hold a placeholder of the last build's template macros.
      if (templateMacros) memo.summaries.html.clear()
      const final = linked[i]?.bodies as Map<string, RenderedBody>
      const ordered = t.posts.map((p) => final.get(p.file) as RenderedBody)
      const macros = templateMacros?.trees[i]?.macros
      return {
        memo,
        ordered,
        model: createSiteModel(config, t.index, ordered, store, memo, macros),
      }
    })
    const images = await timer.step('images', async () => (await imaging).finish())
    const plans = await timer.step('plan', () =>
      models.map(({ model, memo }, i) => {
        const plan = planBuild({
          config,
          model,
          routes,
          alternates,
          templateDeps: keep ? withImagesKey(theme.templateDeps, images.key) : undefined,
          hasSummary: store.templates.has(SUMMARY),
          macroKey: templateMacros?.key,
          previous: prev && {
            keys: prev.keys,
            summaryKey: prev.trees[i]?.summaryKey ?? '',
            manifest: prev.manifest,
          },
        })
        if (prev && plan.summaryKey !== prev.trees[i]?.summaryKey) memo.summaries.html.clear()
        return plan
      }),
    )
    const previous = prev?.manifest ?? input.manifest
    const options = {
      force: !prev && config.clean,
      owned: owner.ownership.owned,
      takeOver: config.forceOutput,
    }
    const pageCache = createPageCache(
      cache,
      config,
      withImagesKey(theme.templateDeps, images.key),
      store.templates.has(SUMMARY),
      templateMacros ? (templateMacros.cacheable ? templateMacros.key : undefined) : '',
    )
    const files = createFileSink(writer, previous, options)
    // Pages from the cache are written as stored (their images already completed).
    const sink = imagesSink(pageCache.capture(files, writer), images.table)
    const todo = models.map(({ model }, i) => pageCache.take(model, plans[i]?.dirty ?? [], files))
    const entries = todo.flat().filter((j) => !j.source.startsWith('bds:')).length
    if (workers.length === 0 && (prev || cache.enabled))
      workers = startRenderWorkers(config, workersFor(input, entries, WORKER_MIN_ENTRIES, 0))
    const rendered = await timer.step('pages', async () => {
      const done = []
      for (const [i, { model, ordered }] of models.entries()) {
        const jobs = todo[i] ?? []
        const { categoryMeta } = meta
        const input = { jobs, model, sink, workers, bodies: ordered, store, previous, options }
        const more = { categoryMeta, alternates, images: images.table }
        done.push(await renderWithMacros({ ...input, ...more }, templateMacros, i))
      }
      return done
    })
    // Before the longest wait (the search index): the workers' heaps, the lists' summaries.
    await Promise.all(workers.splice(0).map((w) => w.close()))
    if (!keep) for (const { memo } of models) memo.summaries.html.clear()
    counters ??= await python.finish()
    const failed = rendered.flatMap((r) => [
      ...r.pages.failed,
      ...r.fromWorkers.flatMap((w) => w.failed),
    ])
    const keys = new Map(plans.flatMap((p) => [...p.keys]))
    for (const path of failed) keys.delete(path)
    const sitemap: SitemapMemo | undefined = keep ? (prev?.sitemap ?? {}) : undefined
    await timer.step('generated', () =>
      emitGenerated(config, trees, models, plans, { routes, sink, sitemap }),
    )
    const worked = rendered.flatMap((r) => r.fromWorkers.map((w) => w.result))
    // The pages (and a first build's Markdown and macro calls) go into the build cache while
    // the search index is still being made.
    const pagesWritten = [sink.result(), ...worked].flatMap((r) => [...r.manifest])
    pageCache.store(writer, new Map(pagesWritten), failed)
    await cache.settle()
    const search = await searching
    for (const file of search.files) if (routes.claim(file.path, file.source)) sink.write(file)
    keepSearch(cache, writer, sink.result().manifest, search, trees.length)
    const carried: Manifest = new Map(plans.flatMap((p) => [...p.carried]))
    const relist = !prev || changes.static || changes.media || changes.templates
    const copies = await timer.step('copies', async () => {
      const all = relist ? await listCopies(config, store, deps.fs) : prev.copies
      emitCopies(all, routes, sink, carried, relist ? undefined : prev?.manifest)
      for (const file of images.files) if (routes.claim(file.path, file.source)) sink.write(file)
      return all
    })
    const parts = [sink.result(), ...worked, carriedResult(carried)]
    const written = await timer.step('write', async () =>
      finishOutputs(writer, previous, parts, failed),
    )
    const ownership = recordOwnership(writer, owner, written)
    writer.clearTemp()
    const reports = macroSteps.map((m) => macroReport(m.memo))
    const counts: Record<string, number> = {}
    for (const r of reports)
      for (const [name, n] of Object.entries(r.counts)) counts[name] = (counts[name] ?? 0) + n
    const problems = [
      ...input.setup,
      ...scripts.diagnostics,
      ...meta.diagnostics,
      ...images.diagnostics,
      ...search.diagnostics,
      ...data.diagnostics,
      ...contentErrors(content.errors),
      ...translationProblems,
      ...reports.flatMap((r) => r.diagnostics),
      ...uniqueByPosition(linked.flatMap((l) => l.diagnostics)),
      ...plans.flatMap((p) => p.plan.diagnostics),
      ...rendered.flatMap((r) => r.pages.diagnostics),
      ...routes.diagnostics,
    ]
    const treeStates: TreeState[] = trees.map((t, i) => ({
      tree: t.tree,
      bodies: bodies[i] as Map<string, RenderedBody>,
      macros: (macroSteps[i] as (typeof macroSteps)[number]).memo,
      links: (linked[i] as (typeof linked)[number]).memo,
      memo: (models[i] as (typeof models)[number]).memo,
      summaryKey: plans[i]?.summaryKey ?? '',
    }))
    const state: PipelineState = {
      config,
      configDiagnostics: input.setup.filter((d) => d.code !== 'BDS_CACHE_RESET'),
      scripts: scripts.rows,
      macroScripts: scripts.macros,
      scriptDiagnostics: scripts.diagnostics,
      python,
      posts: content.posts,
      translations: content.translations,
      errors: content.errors,
      held: content.held,
      meta,
      data,
      resolved,
      trees: treeStates,
      store,
      templateDeps: theme.templateDeps,
      copies,
      images,
      search,
      sitemap: sitemap ?? {},
      manifest: written.manifest,
      ownership,
      keys,
    }
    const captured = macroSteps.flatMap((m) => m.captured)
    const fromWorkers = rendered.flatMap((r) => r.fromWorkers.flatMap((w) => w.diagnostics))
    return {
      pageKeys: pageCache.keys,
      inputDiagnostics: [
        ...problems
          .slice(input.setup.length)
          .filter((d) => d.code !== 'BDS_CACHE_RESET')
          .map(toDiagnostic),
        ...fromWorkers,
      ],
      state,
      diagnostics: [
        ...owner.diagnostics,
        ...problems.map(toDiagnostic),
        ...fromWorkers,
        ...written.diagnostics,
      ],
      outputs: written.stats,
      macros: counts,
      python: !prev && counters ? { ...counters, output: captured } : undefined,
      changed: changedOutputs(previous, written.manifest),
      notes: images.notes,
      content: summarizeContent(content),
      variants: images.files.map((f) => f.path),
    }
  } finally {
    await python.finish()
    await Promise.all(workers.map((w) => w.close()))
  }
}
