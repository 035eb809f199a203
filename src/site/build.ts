// build(): config, then the up-to-date check — when no input changed and every output is
// as bds wrote it, the build ends here, replaying the last diagnostics. Otherwise the full
// pipeline (full-build.ts, loaded only then, with the Markdown and Liquid engines) runs.

import { resolve } from 'node:path'
import {
  type InlineConfig,
  loadConfig,
  type ResolvedConfig,
  resolveConfig,
} from '../config/index.js'
import { BdsError, type Diagnostic, toDiagnostic } from '../errors/index.js'
import type { MacroRunner } from '../macros/index.js'
import { openCacheDb } from '../output/index.js'
import type { PythonHost } from '../python/index.js'
import { type Fs, nodeFs } from '../util/fs.js'
import { BDS_VERSION, bundledTemplatesDir } from '../version.js'
import { fingerprintInputs, outputsIntact } from './fingerprint.js'
import type { BuildReport } from './report.js'
import type { SiteState } from './state.js'
import { createStepTimer } from './steps.js'

export interface BuildDeps {
  fs: Fs
  cwd: string
  templatesDir: string
  /** Use the render worker: `auto` does when the site has enough posts to gain from it. */
  parallel: boolean | 'auto'
  /** Called with each step's name as it starts. */
  onStep?: (name: string) => void
  /** Macro runners tried after the built-ins and Python scripts (fakes in tests). */
  macroRunners?: MacroRunner[]
  /**
   * The Python host for a config (watch mode keeps one warm for the session and stops it);
   * without it a build starts its own when a page needs one, and stops it at the end.
   */
  python?: (config: ResolvedConfig) => PythonHost
  /** Watch mode: always run the full pipeline and hand over what it built. */
  retain?: (state: SiteState) => void
}

function noUrlWarning(config: ResolvedConfig): BdsError[] {
  if (config.url) return []
  const pos = config.source ? { file: config.source, line: 1, column: 1 } : undefined
  const message = 'No "url" is set: feeds and the sitemap use http://localhost instead.'
  return [new BdsError('BDS_CONFIG_NO_URL', message, { severity: 'warning', pos })]
}

/** The dependencies of a build: defaults for what `partial` leaves out. */
export function buildDeps(partial: Partial<BuildDeps> = {}): BuildDeps {
  return {
    fs: nodeFs,
    cwd: process.cwd(),
    templatesDir: bundledTemplatesDir,
    parallel: 'auto',
    ...partial,
  }
}

export async function build(
  inline: InlineConfig = {},
  partial: Partial<BuildDeps> = {},
): Promise<BuildReport> {
  const deps = buildDeps(partial)
  const timer = createStepTimer(deps.onStep)
  const loaded = await timer.step('config', async () => {
    const root = resolve(deps.cwd, inline.root ?? '.')
    return resolveConfig(await loadConfig(root), inline, deps.cwd)
  })
  const diagnostics = noUrlWarning(loaded)
  const config: ResolvedConfig = { ...loaded, url: loaded.url || 'http://localhost' }
  const { paths } = config
  const macroScripts = await timer.step('scripts', async () => {
    const { syncIndex } = await import('./scripts-step.js')
    const index = syncIndex(paths.root, paths.cache)
    diagnostics.push(...index.diagnostics)
    return index.macros
  })
  const cache = openCacheDb(paths.cache)
  if (cache.reset) diagnostics.push(cache.reset)
  try {
    const previous = cache.readManifest(paths.out)
    const inputs = await timer.step('check', () => fingerprintInputs(config, deps, BDS_VERSION))
    const state = cache.readState(paths.out)
    const upToDate =
      !config.clean &&
      !deps.retain &&
      state?.fingerprint === inputs.hash &&
      (await timer.step('verify', () => outputsIntact(paths.out, previous)))
    if (upToDate) {
      const last = JSON.parse(state.diagnostics) as {
        diagnostics: Diagnostic[]
        macros: Record<string, number>
      }
      const replay = [...diagnostics.map(toDiagnostic), ...last.diagnostics]
      const total = previous.size
      const outputs = { written: 0, unchanged: total, removed: 0, failed: 0, total }
      return timer.report({
        config,
        upToDate: true,
        diagnostics: replay,
        outputs,
        macros: last.macros,
      })
    }
    const { fullBuild } = await import('./full-build.js')
    const result = await fullBuild({
      config,
      deps,
      timer,
      previous,
      diagnostics,
      macroScripts,
      postFiles: inputs.postFiles,
    })
    await timer.step('save', async () => {
      cache.writeManifest(paths.out, result.manifest)
      const complete = result.outputs.failed === 0
      const last = JSON.stringify({ diagnostics: result.diagnostics, macros: result.macros })
      cache.writeState(
        paths.out,
        complete ? { fingerprint: inputs.hash, diagnostics: last } : undefined,
      )
    })
    return timer.report({
      config,
      upToDate: false,
      diagnostics: result.diagnostics,
      outputs: result.outputs,
      macros: result.macros,
      python: result.python,
    })
  } finally {
    cache.close()
  }
}
