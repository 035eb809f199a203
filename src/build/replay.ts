// replayBuild: a build whose inputs are byte for byte those of a recorded build writes that
// build's files from the cache — no content parsed, no Markdown, Liquid or Python — through
// the same sink, ownership claim and stale-output removal as the pipeline, and copies static
// and media files as usual. Undefined when a row of the record is gone.

import type { BuildCache, PageRow } from '../cache/index.js'
import type { ResolvedConfig } from '../config/index.js'
import { type BdsError, type Diagnostic, toDiagnostic } from '../errors/index.js'
import { createFileSink, finishOutputs, type Manifest, type WriteStats } from '../output/index.js'
import { loadTemplateStore } from '../render/index.js'
import { createRouteTable } from '../site/index.js'
import type { BuildDeps } from './deps.js'
import type { BuildRecord } from './record.js'
import { emitCopies, listCopies } from './steps/copies.js'
import { claimOwnership, recordOwnership } from './steps/ownership.js'

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
): Promise<Replayed | undefined> {
  const rows: PageRow[] = []
  for (const [, , key] of record.files) {
    const row = cache.page(key)
    if (!row) return undefined
    rows.push(row)
  }
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
  record.files.forEach(([path, source], i) => {
    const row = rows[i] as PageRow
    routes.claim(path, source)
    sink.write({ path, source, contents: row.body, hash: row.hash })
  })
  const store = await loadTemplateStore(deps.templatesDir, paths.templates, paths.root, deps.fs)
  emitCopies(await listCopies(config, store, deps.fs), routes, sink, new Map())
  const written = finishOutputs(writer, previous, [sink.result()], [])
  recordOwnership(writer, owner, written)
  writer.clearTemp()
  const diagnostics = [
    ...owner.diagnostics,
    ...setup.map(toDiagnostic),
    ...record.diagnostics,
    ...written.diagnostics,
  ]
  return { diagnostics, outputs: written.stats, manifest: written.manifest }
}
