// A build that is not up to date: the build cache (.bds/cache.db) first — a build whose inputs
// match a recorded one is replayed from it (replay.ts, loaded only then) — else the pipeline
// (loaded only then, with the Markdown and Liquid engines) runs with everything changed, and
// a complete build of inputs alone is recorded for the next one.

import {
  type CacheReport,
  cacheKey,
  configKey,
  contentFingerprint,
  createBuildCache,
  runFlags,
} from '../cache/index.js'
import type { ResolvedConfig } from '../config/index.js'
import { type BdsError, toDiagnostic } from '../errors/index.js'
import type { CacheDb, Manifest, WriteStats } from '../output/index.js'
import { emptyChanges } from './changes.js'
import type { BuildDeps } from './deps.js'
import type { BuildOutcome, LastBuild } from './outcome.js'
import { type BuildRecord, readRecord, recordBuild } from './record.js'
import type { Replayed } from './replay.js'
import { changedOutputs } from './steps/write.js'
import type { StepTimer } from './timer.js'

export interface FullBuildInput {
  config: ResolvedConfig
  deps: BuildDeps
  timer: StepTimer
  /** Diagnostics of the config (the build cache's are added). */
  setup: BdsError[]
  /** What the last build wrote into the output folder. */
  previous: Manifest
  /** The up-to-date check's fingerprint of the inputs. */
  inputs: { hash: string; postFiles: number }
  /** Where the manifest and the "nothing changed" state are kept. */
  state: CacheDb
  options: { keep: boolean }
}

export async function runFullBuild(input: FullBuildInput): Promise<BuildOutcome> {
  const { config, deps, timer, setup, previous, inputs, state, options } = input
  const { paths } = config
  /** The record of what the output folder holds, and the "Nothing changed" state. */
  const save = (manifest: Manifest, outputs: WriteStats, last: LastBuild) => {
    state.writeManifest(paths.out, manifest)
    const complete = outputs.failed === 0
    const saved = { fingerprint: inputs.hash, diagnostics: JSON.stringify(last) }
    state.writeState(paths.out, complete ? saved : undefined)
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
          runFlags(config),
          await timer.step('fingerprint', () =>
            contentFingerprint(config, deps.fs, deps.templatesDir),
          ),
        )
      : undefined
    const record = key && !options.keep ? readRecord(results, key) : undefined
    // A post held back for its date is due now: the same inputs make another site.
    const due = record?.content.due !== undefined && Date.parse(record.content.due) <= +deps.now()
    let replayed: Replayed | undefined
    if (record && !due) {
      // Loaded only to replay: it brings the template store (and the engines with it).
      const { replayBuild } = await import('./replay.js')
      replayed = await replayBuild(config, deps, record, results, setup, previous, timer)
    }
    if (record && replayed) {
      const { diagnostics, outputs, manifest } = replayed
      const { macros, content } = record
      await timer.step('save', async () =>
        save(manifest, outputs, { diagnostics, macros, content }),
      )
      const cache = replayedCounts(record)
      const report = timer.report({
        ...{ config, upToDate: false, diagnostics, outputs },
        ...{ macros, cache, content },
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
    const { outputs, macros, python, content } = result
    await timer.step('save', async () => {
      save(result.state.manifest, outputs, { diagnostics: result.diagnostics, macros, content })
      // What this machine lacks (sharp) is no input: such a build is not recorded.
      const complete =
        outputs.failed === 0 &&
        outputs.notWritten === 0 &&
        !results.tainted &&
        result.notes.length === 0
      if (key && complete) {
        recordBuild(results, key, deps.output(paths.out), {
          manifest: result.state.manifest,
          pageKeys: result.pageKeys,
          diagnostics: result.inputDiagnostics,
          macros,
          content,
          variants: result.variants,
        })
      }
      results.finish(true)
    })
    // A cache that failed during the build says so (the build itself went on).
    const diagnostics = [
      ...result.diagnostics,
      ...results.diagnostics().slice(opening.length).map(toDiagnostic),
    ]
    const said = { ...config, notes: [...config.notes, ...result.notes] }
    const report = timer.report({
      ...{ config: said, upToDate: false, diagnostics, outputs },
      ...{ macros, python, cache: results.report(), content },
    })
    return { report, state: options.keep ? result.state : undefined, changed: result.changed }
  } finally {
    results.close()
  }
}

/** A replayed build's counts: everything it shows came from the cache. */
function replayedCounts(record: BuildRecord): CacheReport {
  const all = (n: number) => ({ cached: n, computed: 0 })
  const { pages, markdown, macros, search } = record.totals
  const counts = { pages: all(pages), markdown: all(markdown), macros: all(macros) }
  return { enabled: true, ...counts, ...(search ? { search: all(search) } : {}) }
}
