// BuildCache: the build cache as one build sees it — reads that mark a row as used, writes
// queued and stored in one transaction at the end (a page's bytes go to their file at once,
// page-files.ts), counts of what came from the cache and what was computed. A failing file
// never fails the build: the cache turns itself off with a warning and the file is set
// aside. `--no-cache` gets one that only counts.

import { setImmediate as yieldToLoop } from 'node:timers/promises'
import { BdsError } from '../errors/index.js'
import type { FileStat } from '../util/fs.js'
import { setAside } from '../util/sqlite-check.js'
import { type CacheDb, KINDS, type Kind, type PlainKind } from './db.js'
import type { PageSource, StoredPage } from './page-files.js'

export interface CacheCounts {
  cached: number
  computed: number
}

/** How many results of a build came from the cache and how many were computed. */
export interface CacheReport {
  /** False with `--no-cache`: nothing was read or written. */
  enabled: boolean
  pages: CacheCounts
  markdown: CacheCounts
  macros: CacheCounts
  /** Search indexes (one per language tree); absent when the build made none. */
  search?: CacheCounts
}

/** A cached page: its hash (as the output manifest records it) and where its bytes are. */
export interface CachedPage {
  hash: string
  page: StoredPage
}

type Counted = 'pages' | 'markdown' | 'macros' | 'search'
type Plain = PlainKind

export interface BuildCache {
  readonly enabled: boolean
  /**
   * Nothing was cached when the build began (a first build, or after `bds cache clean`): it
   * looks nothing up.
   */
  cold(): boolean
  count(kind: Counted, cached: boolean, n?: number): void
  get(kind: Plain, key: string): string | undefined
  put(kind: Plain, key: string, value: string): void
  macro(key: string): { reads: string; value: string } | undefined
  putMacro(key: string, reads: string, value: string): void
  page(key: string): CachedPage | undefined
  /** The pages of `keys` (a whole build's); undefined when one is missing or changed. */
  pages(keys: readonly string[]): Map<string, CachedPage> | undefined
  /** Records the stat of `hash`'s file after a page was linked to it (its time changed). */
  relinked(hash: string): void
  /** Keeps the page of `key`: its bytes are stored now, its row with the others. */
  putPage(key: string, hash: string, source: PageSource): void
  /** Marks a row used without reading it (a replayed build's pages). */
  use(kind: Kind, key: string): void
  /** Something of this build must not be replayed (a timeout, a `cache: false` script). */
  taint(): void
  readonly tainted: boolean
  report(): CacheReport
  /**
   * Work that stores a result, put off to settle(): a first build (an empty cache) keys and
   * stores its Markdown, macro calls and pages once its pages are written, not while Python
   * and the render workers need the cores.
   */
  later(task: () => void | Promise<void>): void
  /** Does the work put off, then stores the rows queued so far (while the search index is made). */
  settle(): Promise<void>
  /**
   * Stores the queued rows; with `prune`, drops every row this build did not use (none when
   * the file was empty when the build began).
   */
  finish(prune: boolean): void
  /** Warnings: a file set aside, a cache that failed during the build. */
  diagnostics(): BdsError[]
  close(): void
}

const counts = (): CacheCounts => ({ cached: 0, computed: 0 })

/** How long settle() works before it lets the event loop run; rows it writes at a time. */
const SLICE_MS = 10
const SLICE_ROWS = 2000

export function createBuildCache(db?: CacheDb): BuildCache {
  const report: CacheReport = {
    enabled: db !== undefined,
    pages: counts(),
    markdown: counts(),
    macros: counts(),
  }
  const problems: BdsError[] = []
  if (db?.reset)
    problems.push(warning(`The build cache ${db.path} ${db.reset}. A new cache was made.`))
  let broken = false
  let tainted = false
  const used = Object.fromEntries(KINDS.map((k) => [k, new Set<string>()])) as Record<
    Kind,
    Set<string>
  >
  const queued: (() => void)[] = []
  const deferred: (() => void | Promise<void>)[] = []
  const pending = new Map<string, unknown>()
  /** A failure turns the cache off for the rest of the build. */
  const fail = (error: unknown) => {
    broken = true
    tainted = true
    const why = error instanceof Error ? error.message : String(error)
    problems.push(
      warning(
        `The build cache ${db?.path} failed (${why}); this build went on without it, and the file is set aside.`,
      ),
    )
  }
  /** Runs `fn` on the file, unless it failed before. */
  const safely = <T>(fn: (db: CacheDb) => T): T | undefined => {
    if (!db || broken) return undefined
    try {
      return fn(db)
    } catch (error) {
      fail(error)
      return undefined
    }
  }
  /** Whether the file held no row when the build began: nothing to look up (a first build). */
  let empty: boolean | undefined
  const cold = () => {
    empty ??= safely((d) => d.empty()) ?? true
    return empty
  }
  const read = <T>(kind: Kind, key: string, fn: (db: CacheDb) => T | undefined) => {
    const id = `${kind}\0${key}`
    let value = pending.get(id) as T | undefined
    if (value === undefined && !cold()) {
      value = safely(fn)
      // Markdown is asked for twice (before Python starts, then to render): read it once.
      if (value !== undefined && kind === 'markdown') pending.set(id, value)
    }
    if (value !== undefined) used[kind].add(key)
    return value
  }
  /** While the build settles nothing is read any more: rows are not kept for reading. */
  let settling = false
  const write = (kind: Kind, key: string, value: unknown, fn: (db: CacheDb) => void) => {
    if (!db || broken) return
    used[kind].add(key)
    if (value !== undefined && !settling) pending.set(`${kind}\0${key}`, value)
    queued.push(() => fn(db))
  }
  /** The stat of each page file this build verified or linked, as it is now. */
  const files = new Map<string, FileStat>()
  const restat = (d: CacheDb, hash: string, was: FileStat, now: FileStat) => {
    files.set(hash, now)
    if (now.mtimeMs !== was.mtimeMs || now.size !== was.size)
      queued.push(() => d.putBlob(hash, now))
  }
  /** The stored bytes of a page row, when its file is as stored (a changed stat re-recorded). */
  const stored = (d: CacheDb, hash: string, recorded: FileStat): CachedPage | undefined => {
    const stat = files.get(hash) ?? recorded
    const page = d.files.get(hash, stat)
    if (!page) return undefined
    if ('stat' in page) restat(d, hash, stat, page.stat)
    return { hash, page }
  }
  const flush = () => {
    const puts = queued.splice(0)
    safely((d) =>
      d.batch(() => {
        for (const put of puts) put()
      }),
    )
  }
  return {
    enabled: db !== undefined,
    cold,
    count(kind, cached, n = 1) {
      report[kind] ??= counts()
      report[kind][cached ? 'cached' : 'computed'] += n
    },
    get: (kind, key) => read(kind, key, (d) => d.get(kind, key)),
    put: (kind, key, value) => write(kind, key, value, (d) => d.put(kind, key, value)),
    macro: (key) => read('macros', key, (d) => d.macro(key)),
    putMacro: (key, reads, value) =>
      write('macros', key, { reads, value }, (d) => d.putMacro(key, reads, value)),
    page: (key) =>
      read('pages', key, (d) => {
        const row = d.page(key)
        return row && stored(d, row.hash, row.stat)
      }),
    pages(keys) {
      const distinct = [...new Set(keys)]
      const found = safely((d) => {
        if (d.countPages(distinct) !== distinct.length) return undefined
        const out = new Map<string, CachedPage>()
        for (const row of d.eachPage(distinct)) {
          const page = stored(d, row.hash, row.stat)
          if (!page) return undefined
          out.set(row.key, page)
        }
        return out
      })
      if (found) for (const key of distinct) used.pages.add(key)
      return found
    },
    relinked(hash) {
      const was = files.get(hash)
      if (was) safely((d) => restat(d, hash, was, d.files.stat(hash) ?? was))
    },
    putPage(key, hash, source) {
      // Stored once a build (a feed is kept with its page rows and again for the record).
      if (used.pages.has(key) && files.has(hash)) return
      const stat = safely((d) => d.files.keep(hash, source))
      if (!stat) return
      files.set(hash, stat)
      write('pages', key, undefined, (d) => {
        d.putBlob(hash, stat)
        d.putPage(key, hash)
      })
    },
    use: (kind, key) => void used[kind].add(key),
    taint: () => {
      tainted = true
    },
    get tainted() {
      return tainted
    },
    report: () => structuredClone(report),
    later(task) {
      if (db && !broken) deferred.push(task)
    },
    async settle() {
      // In slices, between which the event loop runs: the search index is fed meanwhile.
      // Rows go to the file as they come, so few are held at once.
      settling = true
      pending.clear()
      let since = performance.now()
      for (const task of deferred.splice(0)) {
        if (broken) break
        try {
          await task()
        } catch (error) {
          fail(error)
        }
        if (queued.length >= SLICE_ROWS) flush()
        if (performance.now() - since < SLICE_MS) continue
        await yieldToLoop()
        since = performance.now()
      }
      flush()
    },
    finish(prune) {
      deferred.length = 0 // a build that did not settle stores what it queued, no more
      flush()
      pending.clear()
      // A file that was empty holds only what this build stored: nothing to drop.
      if (prune && !cold()) safely((d) => d.prune(used))
    },
    diagnostics: () => [...problems],
    close() {
      if (!db) return
      try {
        db.close()
      } catch {
        // a broken file may fail to close; it is set aside below
      }
      if (broken && db.path !== ':memory:') {
        try {
          setAside(db.path)
        } catch {
          // another bds process set it aside first, or it cannot be moved: the next build retries
        }
      }
    },
  }
}

function warning(message: string): BdsError {
  return new BdsError('BDS_CACHE_RESET', message, { severity: 'warning' })
}
