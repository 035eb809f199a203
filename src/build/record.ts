// The build cache's record of a whole build: every output file that is not a copy or an image
// variant, by path, source and the cache row holding its bytes, with the diagnostics that
// follow from the inputs, the counts of the report and what the content held back. Kept under
// a key of the site's content fingerprint and run flags, so a build of the same inputs — on any
// clone, into any folder — can replay it (replay.ts).

import type { BuildCache, CacheReport } from '../cache/index.js'
import { cacheKey } from '../cache/index.js'
import type { Diagnostic } from '../errors/index.js'
import type { Manifest, OutputWriter } from '../output/index.js'
import type { ContentSummary } from './steps/content.js'
import { writtenPage } from './steps/page-cache.js'

export interface BuildRecord {
  /** [path, source, key of its row in the pages table], in the order they were written. */
  files: [string, string, string][]
  diagnostics: Diagnostic[]
  macros: Record<string, number>
  /** Drafts and posts held back: a post due since is built again, not replayed. */
  content: ContentSummary
  /** The resized image variants it wrote (their bytes are in `.bds/images`, made again if not). */
  variants: string[]
  /**
   * How many pages, Markdown bodies, macro calls and (when it made any) search indexes the
   * build had: all cached when replayed.
   */
  totals: { pages: number; markdown: number; macros: number; search?: number }
}

/** Stores the record of a complete build; generated files (feeds, sitemap) are read back. */
export function recordBuild(
  cache: BuildCache,
  key: string,
  writer: OutputWriter,
  build: {
    manifest: Manifest
    pageKeys: ReadonlyMap<string, string>
    diagnostics: Diagnostic[]
    macros: Record<string, number>
    content: ContentSummary
    /** Output paths of the image variants. */
    variants: readonly string[]
  },
): void {
  const files: BuildRecord['files'] = []
  const variants = new Set(build.variants)
  for (const [path, entry] of build.manifest) {
    if (entry.hash.startsWith('copy:') || variants.has(path)) continue
    const page = build.pageKeys.get(path)
    if (page) {
      files.push([path, entry.source, page])
      continue
    }
    const source = writtenPage(writer, path, entry)
    if (!source) return // changed under us: no record
    const row = cacheKey('output', entry.hash)
    cache.putPage(row, entry.hash, source)
    files.push([path, entry.source, row])
  }
  const r: CacheReport = cache.report()
  const total = (c: { cached: number; computed: number }) => c.cached + c.computed
  const record: BuildRecord = {
    files,
    diagnostics: build.diagnostics,
    macros: build.macros,
    content: build.content,
    variants: [...variants].sort(),
    totals: {
      ...{ pages: total(r.pages), markdown: total(r.markdown), macros: total(r.macros) },
      ...(r.search ? { search: total(r.search) } : {}),
    },
  }
  cache.put('builds', key, JSON.stringify(record))
}

/** The record under `key`, when there is one. */
export function readRecord(cache: BuildCache, key: string): BuildRecord | undefined {
  const text = cache.get('builds', key)
  return text === undefined ? undefined : (JSON.parse(text) as BuildRecord)
}
