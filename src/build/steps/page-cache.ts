// The pages of a build and the build cache: a page whose content key is stored is written
// from the cache instead of rendered; every page rendered is stored once written — from the
// sink the moment the main thread has written it, read back from the output folder when the
// render worker wrote it. Keys of every page are kept for the record of the whole build.

import { type BuildCache, cacheKey, configKey } from '../../cache/index.js'
import type { ResolvedConfig } from '../../config/index.js'
import type { FileSink, Manifest, OutputWriter } from '../../output/index.js'
import type { TemplateDeps } from '../../render/index.js'
import type { PageJob } from '../../site/index.js'
import { createContentKeyer } from '../content-keys.js'
import type { SiteModel } from '../model.js'

export interface PageCache {
  /** The jobs left to render: the others were written to `sink` from the cache. */
  take(model: SiteModel, jobs: readonly PageJob[], sink: FileSink): PageJob[]
  /** A sink that keeps what the pages to store are written with. */
  capture(sink: FileSink): FileSink
  /** Stores the pages rendered by this build that were written as planned. */
  store(writer: OutputWriter, written: Manifest, failed: readonly string[]): void
  /** The content key of every page of the build, by output path. */
  readonly keys: ReadonlyMap<string, string>
}

export function createPageCache(
  cache: BuildCache,
  config: ResolvedConfig,
  deps: ((name: string) => TemplateDeps) | undefined,
  hasSummary: boolean,
  /** What template macros' results depend on; undefined when they may differ every build. */
  macroKey: string | undefined,
): PageCache {
  const keys = new Map<string, string>()
  const rendered = new Map<string, string>()
  const base = cacheKey('site', configKey(config))
  return {
    keys,
    take(model, jobs, sink) {
      if (!cache.enabled || !deps) {
        cache.count('pages', false, jobs.length)
        return [...jobs]
      }
      const tree = JSON.stringify(model.index.tree)
      const keyOf = createContentKeyer({
        ...{ model, deps, macroKey },
        summaries: hasSummary,
        base: base + tree,
      })
      const left: PageJob[] = []
      // An empty cache (a first build) holds no page: nothing to look up.
      const cold = cache.cold()
      for (const job of jobs) {
        const key = keyOf(job)
        if (key === undefined) {
          // It may differ every build: rendered, not kept, and the build is not recorded.
          cache.taint()
          left.push(job)
          continue
        }
        keys.set(job.path, key)
        const row = cold ? undefined : cache.page(key)
        if (!row) {
          rendered.set(job.path, key)
          left.push(job)
          continue
        }
        sink.write({ path: job.path, source: job.source, contents: row.body, hash: row.hash })
      }
      cache.count('pages', true, jobs.length - left.length)
      cache.count('pages', false, left.length)
      return left
    },
    capture(sink) {
      if (!cache.enabled) return sink
      return {
        result: () => sink.result(),
        write(file) {
          const failed = sink.result().stats.notWritten
          sink.write(file)
          const key = rendered.get(file.path)
          const { manifest, stats } = sink.result()
          const entry = key && manifest.get(file.path)
          // Not written (its previous entry may stand in the manifest): nothing to store.
          if (!key || !entry || file.contents === undefined || stats.notWritten !== failed) return
          // Stored now: a big site's pages are never all held until the end of the build.
          cache.putPage(key, entry.hash, file.contents)
          rendered.delete(file.path)
        },
      }
    },
    store(writer, written, failed) {
      const skip = new Set(failed)
      for (const [path, key] of rendered) {
        const entry = written.get(path)
        if (!entry || skip.has(path)) continue
        // The render worker wrote it: read it back while it is still as written.
        const now = writer.stat(path)
        if (now?.size !== entry.size || now.mtimeMs !== entry.mtimeMs) continue
        const body = writer.read(path)
        if (body !== undefined) cache.putPage(key, entry.hash, body)
      }
      rendered.clear()
    },
  }
}
