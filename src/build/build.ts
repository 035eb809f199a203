// build(): config, then the up-to-date check — when no input changed and every output is
// as bds wrote it, the build ends here, replaying the last diagnostics. Then the build cache:
// a build whose inputs match a recorded one is replayed from it. Otherwise the pipeline
// (loaded only then, with the Markdown and Liquid engines) runs with everything changed.

import { resolve } from 'node:path'
import {
  type CacheReport,
  cacheKey,
  configKey,
  contentFingerprint,
  createBuildCache,
} from '../cache/index.js'
import {
  type InlineConfig,
  loadConfig,
  type ResolvedConfig,
  resolveConfig,
} from '../config/index.js'
import { BdsError, type Diagnostic, toDiagnostic } from '../errors/index.js'
import { emptyStats, type Manifest, type WriteStats } from '../output/index.js'
import { BDS_VERSION } from '../version.js'
import { emptyChanges } from './changes.js'
import { type BuildDeps, buildDeps } from './deps.js'
import { fingerprintInputs, outputsIntact } from './fingerprint.js'
import { type BuildRecord, readRecord, recordBuild } from './record.js'
import type { Replayed } from './replay.js'
import type { BuildReport } from './report.js'
import type { PipelineState } from './state.js'
import { changedOutputs } from './steps/write.js'
import { createStepTimer } from './timer.js'

export interface BuildOutcome {
  report: BuildReport
  /** What the build knew when it finished (kept only when asked for). */
  state?: PipelineState
  /** Output files written or removed, relative to the output folder. */
  changed: string[]
}

function noUrlWarning(config: ResolvedConfig): BdsError[] {
  if (config.url) return []
  const pos = config.source ? { file: config.source, line: 1, column: 1 } : undefined
  const message = 'No "url" is set: feeds and the sitemap use http://localhost instead.'
  return [new BdsError('BDS_CONFIG_NO_URL', message, { severity: 'warning', pos })]
}

/** Builds the site at `inline.root` and returns its report. */
export async function build(
  inline: InlineConfig = {},
  partial: Partial<BuildDeps> = {},
): Promise<BuildReport> {
  return (await buildSite(inline, buildDeps(partial), { keep: false })).report
}

/** A full build; `keep` (watch mode) never skips and returns the state for rebuilds. */
export async function buildSite(
  inline: InlineConfig,
  deps: BuildDeps,
  options: { keep: boolean },
): Promise<BuildOutcome> {
  const timer = createStepTimer(deps.onStep)
  const loaded = await timer.step('config', async () => {
    const root = resolve(deps.cwd, inline.root ?? '.')
    return resolveConfig(await loadConfig(root, deps.fs), inline, deps.cwd)
  })
  const setup = noUrlWarning(loaded)
  const config: ResolvedConfig = { ...loaded, url: loaded.url || 'http://localhost' }
  const { paths } = config
  const cache = deps.stores.cache(paths.cache)
  if (cache.reset) setup.push(cache.reset)
  try {
    const previous = cache.readManifest(paths.out)
    const inputs = await timer.step('check', () => fingerprintInputs(config, deps, BDS_VERSION))
    const saved = cache.readState(paths.out)
    const upToDate =
      !config.clean &&
      !options.keep &&
      saved?.fingerprint === inputs.hash &&
      (await timer.step('verify', () => outputsIntact(deps.output(paths.out), previous)))
    if (saved && upToDate) {
      const last = JSON.parse(saved.diagnostics) as {
        diagnostics: Diagnostic[]
        macros: Record<string, number>
      }
      const total = previous.size
      const outputs = { ...emptyStats(), unchanged: total, total }
      const diagnostics = last.diagnostics
      const report = timer.report({ config, upToDate, diagnostics, outputs, macros: last.macros })
      return { report, changed: [] }
    }
    /** The record of what the output folder holds, and the "Nothing changed" state. */
    const save = (
      manifest: Manifest,
      outputs: WriteStats,
      diagnostics: Diagnostic[],
      macros: Record<string, number>,
    ) => {
      cache.writeManifest(paths.out, manifest)
      const complete = outputs.failed === 0
      const last = JSON.stringify({ diagnostics, macros })
      const state = { fingerprint: inputs.hash, diagnostics: last }
      cache.writeState(paths.out, complete ? state : undefined)
    }
    const results = createBuildCache(config.cache ? deps.stores.results(paths.cache) : undefined)
    const opening = results.diagnostics()
    setup.push(...opening)
    try {
      // The record of a build with exactly these inputs, replayed when nothing else is asked.
      const key = results.enabled
        ? cacheKey(
            'build',
            configKey(config),
            await timer.step('fingerprint', () =>
              contentFingerprint(config, deps.fs, deps.templatesDir),
            ),
          )
        : undefined
      const record = key && !options.keep ? readRecord(results, key) : undefined
      let replayed: Replayed | undefined
      if (record) {
        // Loaded only to replay: it brings the template store (and the engines with it).
        const { replayBuild } = await import('./replay.js')
        replayed = await replayBuild(config, deps, record, results, setup, previous, timer)
      }
      if (record && replayed) {
        const { diagnostics, outputs, manifest } = replayed
        const { macros } = record
        await timer.step('save', async () => save(manifest, outputs, diagnostics, macros))
        const cacheReport = replayedCounts(record)
        const report = timer.report({
          config,
          upToDate: false,
          diagnostics,
          outputs,
          macros,
          cache: cacheReport,
        })
        return { report, changed: changedOutputs(previous, manifest) }
      }
      const { runPipeline } = await import('./pipeline.js')
      const result = await runPipeline({
        config,
        deps,
        timer,
        setup,
        manifest: previous,
        changes: emptyChanges(),
        postFiles: inputs.postFiles,
        keep: options.keep,
        cache: results,
      })
      const { outputs, macros, python } = result
      await timer.step('save', async () => {
        save(result.state.manifest, outputs, result.diagnostics, macros)
        const complete = outputs.failed === 0 && outputs.notWritten === 0 && !results.tainted
        if (key && complete) {
          recordBuild(results, key, deps.output(paths.out), {
            manifest: result.state.manifest,
            pageKeys: result.pageKeys,
            diagnostics: result.inputDiagnostics,
            macros,
          })
        }
        results.finish(true)
      })
      // A cache that failed during the build says so (the build itself went on).
      const diagnostics = [
        ...result.diagnostics,
        ...results.diagnostics().slice(opening.length).map(toDiagnostic),
      ]
      const report = timer.report({
        config,
        upToDate: false,
        diagnostics,
        outputs,
        macros,
        python,
        cache: results.report(),
      })
      return { report, state: options.keep ? result.state : undefined, changed: result.changed }
    } finally {
      results.close()
    }
  } finally {
    cache.close()
  }
}

/** A replayed build's counts: everything it shows came from the cache. */
function replayedCounts(record: BuildRecord): CacheReport {
  const all = (n: number) => ({ cached: n, computed: 0 })
  const { pages, markdown, macros } = record.totals
  return { enabled: true, pages: all(pages), markdown: all(markdown), macros: all(macros) }
}
