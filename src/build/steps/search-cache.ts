// The search index in the build cache: an index's files are kept under the key of what it is
// made from (search.ts), each file's bytes as a page row of its own (`output` and its hash,
// as the record of a whole build keeps generated files), so a build whose posts' bodies,
// titles and URLs did not change — a template edit — writes the stored files and starts no
// Pagefind.

import { type BuildCache, cacheKey } from '../../cache/index.js'
import type { Manifest, OutputWriter } from '../../output/index.js'
import { plannedPage, writtenPage } from './page-cache.js'
import type { SearchState, SearchStore } from './search.js'

/** [output path, row of its bytes] of each file of an index. */
type Listed = [string, string][]

/** Where an index file lies: a tree's own `pagefind/` folder. */
const INDEX_FILE = /^([a-z0-9_-]+\/)?pagefind\/[^/]/i

/** The files of a stored index; undefined for a row bds did not write (never a path elsewhere). */
function parseListed(text: string): Listed | undefined {
  try {
    const listed = JSON.parse(text) as unknown
    const fine = (item: unknown) =>
      Array.isArray(item) &&
      typeof item[0] === 'string' &&
      typeof item[1] === 'string' &&
      INDEX_FILE.test(item[0]) &&
      !item[0].split('/').includes('..')
    return Array.isArray(listed) && listed.every(fine) ? (listed as Listed) : undefined
  } catch {
    return undefined
  }
}

export function searchStore(cache: BuildCache): SearchStore | undefined {
  if (!cache.enabled) return undefined
  return {
    empty: cache.cold(),
    files(key) {
      const text = cache.get('search', cacheKey('search', key))
      if (text === undefined) return undefined
      const listed = parseListed(text)
      if (!listed) return undefined
      const rows = cache.pages(listed.map(([, row]) => row))
      if (!rows) return undefined
      const files = listed.flatMap(([path, row]) => {
        const cached = rows.get(row)
        return cached ? [plannedPage(path, 'bds:search', cached)] : []
      })
      return files.length === listed.length ? files : undefined
    },
  }
}

/**
 * After the index files were written: counts where they came from and keeps those Pagefind
 * made (all or none: an index missing a file is not kept).
 */
export function keepSearch(
  cache: BuildCache,
  writer: OutputWriter,
  written: Manifest,
  search: SearchState,
  trees: number,
): void {
  if (!cache.enabled || search.files.length === 0) return
  cache.count('search', search.cached === true, trees)
  if (search.cached) {
    for (const file of search.files) if (file.hash) cache.relinked(file.hash)
    return
  }
  const listed: Listed = []
  for (const file of search.files) {
    const entry = written.get(file.path)
    const source = entry && writtenPage(writer, file.path, entry)
    if (!entry || !source) return
    const row = cacheKey('output', entry.hash)
    cache.putPage(row, entry.hash, source)
    listed.push([file.path, row])
  }
  if (search.key) cache.put('search', cacheKey('search', search.key), JSON.stringify(listed))
}
