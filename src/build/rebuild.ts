// rebuildSite(): one watch-mode rebuild — the pipeline with the last build's state and what
// changed; the build cache records only the outputs that changed.

import type { CacheDb } from '../output/index.js'
import type { BuildOutcome } from './build.js'
import type { SiteChanges } from './changes.js'
import type { BuildDeps } from './deps.js'
import type { PipelineState } from './state.js'
import { patchManifest } from './steps/write.js'
import { createStepTimer } from './timer.js'

export async function rebuildSite(
  state: PipelineState,
  changes: SiteChanges,
  deps: BuildDeps,
  cache: CacheDb,
): Promise<BuildOutcome & { state: PipelineState }> {
  const timer = createStepTimer(deps.onStep)
  const { config } = state
  const { runPipeline } = await import('./pipeline.js')
  const result = await runPipeline({
    config,
    deps,
    timer,
    setup: state.configDiagnostics,
    manifest: state.manifest,
    previous: state,
    changes,
    postFiles: 0,
    keep: true,
  })
  const { diagnostics, outputs, macros, content } = result
  await timer.step('save', () =>
    patchManifest(cache, config.paths.out, result.state.manifest, result.changed),
  )
  const report = timer.report({ config, upToDate: false, diagnostics, outputs, macros, content })
  return { report, state: result.state, changed: result.changed }
}
