// build(): config, then the up-to-date check — when no input changed, no post held back for
// its date is due and every output is as bds wrote it, the build ends here, replaying the last
// diagnostics. Otherwise the rest (full-build.ts, loaded only then) replays a build of the same
// inputs recorded in the build cache, or runs the pipeline with everything changed.

import { resolve } from 'node:path'
import {
  type InlineConfig,
  loadConfig,
  type ResolvedConfig,
  resolveConfig,
} from '../config/index.js'
import { BdsError } from '../errors/index.js'
import { emptyStats } from '../output/index.js'
import { BDS_VERSION } from '../version.js'
import { type BuildDeps, buildDeps } from './deps.js'
import { fingerprintInputs, outputsIntact } from './fingerprint.js'
import type { BuildOutcome, LastBuild } from './outcome.js'
import type { BuildReport } from './report.js'
import { createStepTimer } from './timer.js'

export type { BuildOutcome } from './outcome.js'

function noUrlWarning(config: ResolvedConfig): BdsError[] {
  if (config.url) return []
  const pos = config.source ? { file: config.source, line: 1, column: 1 } : undefined
  const message = 'No "url" is set: feeds and the sitemap use http://localhost instead.'
  return [new BdsError('BDS_CONFIG_NO_URL', message, { severity: 'warning', pos })]
}

/** What the build cache says the last complete build reported (replayed when nothing changed). */
function lastBuild(text: string): LastBuild | undefined {
  try {
    return JSON.parse(text) as LastBuild
  } catch {
    return undefined
  }
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
  const fallback = loaded.url ? {} : { url: 'http://localhost', origin: 'http://localhost' }
  const config: ResolvedConfig = { ...loaded, ...fallback }
  const { paths } = config
  const cache = deps.stores.cache(paths.cache)
  if (cache.reset) setup.push(cache.reset)
  try {
    const previous = cache.readManifest(paths.out)
    const inputs = await timer.step('check', () => fingerprintInputs(config, deps, BDS_VERSION))
    const saved = cache.readState(paths.out)
    const last = saved?.fingerprint === inputs.hash ? lastBuild(saved.diagnostics) : undefined
    // A post held back for its date is due: the same inputs make a different site now.
    const due = last?.content?.due !== undefined && Date.parse(last.content.due) <= +deps.now()
    const upToDate =
      !config.clean &&
      !options.keep &&
      last !== undefined &&
      !due &&
      (await timer.step('verify', () => outputsIntact(deps.output(paths.out), previous)))
    if (last && upToDate) {
      const total = previous.size
      const outputs = { ...emptyStats(), unchanged: total, total }
      const { diagnostics, macros, content } = last
      const report = timer.report({ config, upToDate, diagnostics, outputs, macros, content })
      return { report, changed: [] }
    }
    // Loaded only now, with the build cache, the replay and the pipeline behind it.
    const { runFullBuild } = await import('./full-build.js')
    return await runFullBuild({
      config,
      deps,
      timer,
      setup,
      previous,
      inputs,
      state: cache,
      options,
    })
  } finally {
    cache.close()
  }
}
