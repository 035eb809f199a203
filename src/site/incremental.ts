// rebuildLive(): one watch-mode rebuild of a LiveSite. Applies the changed inputs, remakes the
// site model (views of unchanged posts are kept), plans every page as a full build does and
// renders only the pages whose key changed; feeds are regenerated, copies redone when their
// sources changed. Writing, stale removal and the manifest work as in a full build.

import { type BdsError, toDiagnostic } from '../errors/index.js'
import { createFileSink, finishOutputs, type Manifest, type WriteResult } from '../output/index.js'
import { generatedFiles } from './generated.js'
import { contentOrder, type LiveSite, reloadTemplates } from './live.js'
import { applyContent } from './live-content.js'
import { macroReport, updateMacros } from './live-macros.js'
import { liveModel, planLive } from './live-plan.js'
import { renderDirty } from './live-render.js'
import { changedOutputs, saveOutputs } from './live-save.js'
import { resyncScripts } from './live-scripts.js'
import type { PagesResult } from './pages.js'
import type { BuildReport } from './report.js'
import { claimCopies, listCopies } from './static-files.js'
import { createStepTimer } from './steps.js'

/** What changed since the last build, as a watcher saw it. */
export interface SiteChanges {
  /** bds.config.json or meta/project.json: everything is rebuilt. */
  config: boolean
  /** Files and folders under posts/ and pages/, relative to the site root. */
  content: string[]
  templates: boolean
  scripts: boolean
  media: boolean
  static: boolean
}

/** No change at all; spread it and set what changed. */
export function emptyChanges(): SiteChanges {
  return {
    config: false,
    content: [],
    templates: false,
    scripts: false,
    media: false,
    static: false,
  }
}

export interface RebuildResult {
  report: BuildReport
  /** Output files written or removed by this build, relative to the output folder. */
  changed: string[]
}

const kept = (manifest: Manifest): WriteResult => ({
  stats: { written: 0, unchanged: manifest.size, removed: 0, failed: 0, total: manifest.size },
  manifest,
  diagnostics: [],
})

export async function rebuildLive(live: LiveSite, changes: SiteChanges): Promise<RebuildResult> {
  const timer = createStepTimer(live.deps.onStep)
  const { config, deps } = live
  const scripts = changes.scripts
    ? await timer.step('scripts', () => resyncScripts(live))
    : new Set<string>()
  await timer.step('content', () => applyContent(live, changes.content))
  if (changes.templates) await timer.step('templates', () => reloadTemplates(live))
  const posts = contentOrder(live)
  await timer.step('macros', () => updateMacros(live, posts, { media: changes.media, scripts }))
  const model = await timer.step('model', () => liveModel(live, posts))
  const { routes, plan, dirty, carried, keys } = await timer.step('plan', () =>
    planLive(live, model),
  )
  const previous = live.manifest
  const sink = createFileSink(config.paths.out, previous)
  const pages: PagesResult = { failed: [], diagnostics: [...plan.diagnostics] }
  const fromWorker = await timer.step('pages', () =>
    renderDirty(live, posts, model, dirty, sink, pages),
  )
  const failed = [...pages.failed, ...(fromWorker?.failed ?? [])]
  for (const path of failed) keys.delete(path)
  await timer.step('feeds', async () => {
    for (const file of generatedFiles(
      config,
      model.collections,
      model.views,
      plan.routes,
      live.sitemap,
    )) {
      if (routes.claim(file.path, file.source)) sink.write(file)
    }
  })
  await timer.step('files', async () => {
    const relist = changes.static || changes.media || changes.templates
    if (relist) live.copies = await listCopies(config, live.store, deps.fs)
    for (const file of claimCopies(live.copies, routes)) {
      const entry = previous.get(file.path)
      if (!relist && entry) carried.set(file.path, entry)
      else sink.write(file)
    }
  })
  const out = config.paths.out
  const worker = fromWorker ? [fromWorker.result] : []
  const written = await timer.step('write', async () =>
    finishOutputs(out, previous, [sink.result(), ...worker, kept(carried)], failed),
  )
  const changed = changedOutputs(previous, written.manifest)
  await timer.step('save', async () => saveOutputs(live, written.manifest, changed))
  live.keys = keys
  const macros = macroReport(live.macros)
  const byFile = (a: BdsError, b: BdsError) => (a.pos?.file ?? '').localeCompare(b.pos?.file ?? '')
  const problems = [
    ...live.setup,
    ...[...live.errors.values()].sort(byFile),
    ...macros.diagnostics,
    ...pages.diagnostics,
    ...routes.diagnostics,
  ]
  const diagnostics = [
    ...problems.map(toDiagnostic),
    ...(fromWorker?.diagnostics ?? []),
    ...written.diagnostics,
  ]
  const report = timer.report({
    config,
    upToDate: false,
    diagnostics,
    outputs: written.stats,
    macros: macros.counts,
  })
  return { report, changed }
}
