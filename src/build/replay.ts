// replayBuild: a build whose inputs are byte for byte those of a recorded build writes that
// build's files from the cache — no content parsed, no Markdown, Liquid or Python — through
// the same sink, ownership claim and stale-output removal as the pipeline, and copies static
// and media files as usual, each page linked from its file in `.bds/pages`. The resized image
// variants come from the images step (its store in `.bds/images`). Undefined when a page of
// the record is gone or changed, or the variants are not those recorded (then nothing was
// written).

import type { BuildCache, CachedPage } from '../cache/index.js'
import type { ResolvedConfig } from '../config/index.js'
import { type BdsError, type Diagnostic, toDiagnostic } from '../errors/index.js'
import {
  createFileSink,
  finishOutputs,
  type Manifest,
  type PlannedFile,
  type WriteStats,
} from '../output/index.js'
import { loadTemplateStore } from '../render/index.js'
import { createRouteTable } from '../site/index.js'
import type { BuildDeps } from './deps.js'
import type { BuildRecord } from './record.js'
import { emitCopies, listCopies } from './steps/copies.js'
import { startImages } from './steps/images.js'
import { claimOwnership, recordOwnership } from './steps/ownership.js'
import { plannedPage } from './steps/page-cache.js'
import type { StepTimer } from './timer.js'

export interface Replayed {
  diagnostics: Diagnostic[]
  outputs: WriteStats
  manifest: Manifest
}

export async function replayBuild(
  config: ResolvedConfig,
  deps: BuildDeps,
  record: BuildRecord,
  cache: BuildCache,
  setup: readonly BdsError[],
  previous: Manifest,
  timer: StepTimer,
): Promise<Replayed | undefined> {
  let variants: PlannedFile[] = []
  if (record.variants.length > 0) {
    const images = await timer.step('images', async () =>
      (await startImages(config, deps, undefined, true)).finish(),
    )
    const made = images.files.map((f) => f.path).sort()
    // sharp missing here, or an image that could not be resized: build, do not replay.
    if (images.notes.length > 0 || made.join('\n') !== record.variants.join('\n')) return undefined
    variants = images.files
  }
  const rows = await timer.step('replay', () => cache.pages(record.files.map(([, , key]) => key)))
  if (!rows) return undefined
  const { paths } = config
  const writer = deps.output(paths.out)
  const owner = claimOwnership(writer, config)
  const options = {
    force: config.clean,
    owned: owner.ownership.owned,
    takeOver: config.forceOutput,
  }
  const sink = createFileSink(writer, previous, options)
  const routes = createRouteTable()
  const result = await timer.step('write', async () => {
    for (const [path, source, key] of record.files) {
      routes.claim(path, source)
      const cached = rows.get(key) as CachedPage
      sink.write(plannedPage(path, source, cached))
      cache.relinked(cached.hash)
    }
    const store = await loadTemplateStore(deps.templatesDir, paths.templates, paths.root, deps.fs)
    emitCopies(await listCopies(config, store, deps.fs), routes, sink, new Map())
    for (const file of variants) if (routes.claim(file.path, file.source)) sink.write(file)
    return finishOutputs(writer, previous, [sink.result()], [])
  })
  recordOwnership(writer, owner, result)
  writer.clearTemp()
  const diagnostics = [
    ...owner.diagnostics,
    ...setup.map(toDiagnostic),
    ...record.diagnostics,
    ...result.diagnostics,
  ]
  return { diagnostics, outputs: result.stats, manifest: result.manifest }
}
