// The pages of a build and the build cache: a page whose content key is stored is linked
// from the cache instead of rendered; every page rendered is stored once written — linked
// from the output folder the moment the main thread has written it, or when the render
// worker's pages are in. A first build (an empty cache) keys and stores its pages only then,
// off the busy part of the build. Keys of every page are kept for the record of the build.

import {
  type BuildCache,
  type CachedPage,
  cacheKey,
  configKey,
  type PageSource,
} from '../../cache/index.js'
import type { ResolvedConfig } from '../../config/index.js'
import type { FileSink, Manifest, OutputWriter, PlannedFile } from '../../output/index.js'
import type { TemplateDeps } from '../../render/index.js'
import type { PageJob } from '../../site/index.js'
import type { FileStat } from '../../util/fs.js'
import { createContentKeyer } from '../content-keys.js'
import type { SiteModel } from '../model.js'

export interface PageCache {
  /** The jobs left to render: the others were written to `sink` from the cache. */
  take(model: SiteModel, jobs: readonly PageJob[], sink: FileSink): PageJob[]
  /** A sink that stores each page to store as soon as it is written. */
  capture(sink: FileSink, writer: OutputWriter): FileSink
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
  /** A first build's jobs: keyed once the pages are written (`store`), not while they render. */
  const later: { keyOf: (job: PageJob) => string | undefined; jobs: PageJob[] }[] = []
  const keep = (job: PageJob, key: string | undefined) => {
    // It may differ every build: rendered, not kept, and the build is not recorded.
    if (key === undefined) cache.taint()
    else keys.set(job.path, key)
    return key
  }
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
      if (cache.cold()) {
        later.push({ keyOf, jobs: [...jobs] })
        cache.count('pages', false, jobs.length)
        return [...jobs]
      }
      const left: PageJob[] = []
      for (const job of jobs) {
        const key = keep(job, keyOf(job))
        if (key === undefined) {
          left.push(job)
          continue
        }
        const cached = cache.page(key)
        if (!cached) {
          rendered.set(job.path, key)
          left.push(job)
          continue
        }
        sink.write(plannedPage(job.path, job.source, cached))
        cache.relinked(cached.hash)
      }
      cache.count('pages', true, jobs.length - left.length)
      cache.count('pages', false, left.length)
      return left
    },
    capture(sink, writer) {
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
          if (!key || !entry || stats.notWritten !== failed) return
          const source = writtenPage(writer, file.path, entry)
          if (source) cache.putPage(key, entry.hash, source)
          rendered.delete(file.path)
        },
      }
    },
    store(writer, written, failed) {
      const skip = new Set(failed)
      const storePage = (path: string, key: string) => {
        const entry = written.get(path)
        if (!entry || skip.has(path)) return
        const source = writtenPage(writer, path, entry)
        if (source) cache.putPage(key, entry.hash, source)
      }
      // When the build settles, while the search index is made (a core is free): a first
      // build keys its pages only then.
      for (const { keyOf, jobs } of later.splice(0))
        for (const job of jobs)
          cache.later(() => {
            const key = keep(job, keyOf(job))
            if (key !== undefined) storePage(job.path, key)
          })
      for (const [path, key] of rendered) cache.later(() => storePage(path, key))
      rendered.clear()
    },
  }
}

/** A page from the cache as a file to write: linked from its file, or its bytes. */
export function plannedPage(path: string, source: string, cached: CachedPage): PlannedFile {
  const { hash, page } = cached
  return 'bytes' in page
    ? { path, source, contents: page.bytes, hash }
    : { path, source, from: page.from, fromStat: page.stat, hash, link: true }
}

/** An output file as written (`entry`), to store: the file itself on disk, else its bytes. */
export function writtenPage(
  writer: OutputWriter,
  path: string,
  entry: FileStat,
): PageSource | undefined {
  const file = writer.file?.(path)
  if (file) return { file, stat: { size: entry.size, mtimeMs: entry.mtimeMs } }
  const now = writer.stat(path)
  if (now?.size !== entry.size || now.mtimeMs !== entry.mtimeMs) return undefined
  const bytes = writer.read(path)
  return bytes && { bytes }
}
