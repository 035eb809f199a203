// .bds/cache.db: the build cache's SQLite file, with bds's conventions (WAL, migrations,
// application_id, a corrupt or foreign file set aside). One table per kind of result, each
// row keyed by a content hash; nothing in it names an absolute path or this machine.

import { dirname, join } from 'node:path'
import type Database from 'better-sqlite3'
import type { FileStat } from '../util/fs.js'
import { openSqlite } from '../util/sqlite.js'
import { setAside } from '../util/sqlite-check.js'
import { diskPageFiles, memoryPageFiles, type PageFiles } from './page-files.js'

/** The kinds of rows: the tables of the file. */
export const KINDS = ['markdown', 'macros', 'pages', 'checks', 'builds', 'search'] as const
export type Kind = (typeof KINDS)[number]

const MIGRATIONS = [
  `CREATE TABLE markdown (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE macros (key TEXT PRIMARY KEY, reads TEXT NOT NULL, value TEXT NOT NULL);
   CREATE TABLE pages (key TEXT PRIMARY KEY, hash TEXT NOT NULL, body BLOB NOT NULL);
   CREATE TABLE checks (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE builds (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  // A page's bytes moved to a file of their own (page-files.ts): the rows keep its hash.
  `DROP TABLE pages;
   DELETE FROM builds;
   CREATE TABLE pages (key TEXT PRIMARY KEY, hash TEXT NOT NULL);
   CREATE TABLE blobs (hash TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime REAL NOT NULL);`,
  // A search index by what it is made from: its files' rows in `pages`.
  'CREATE TABLE search (key TEXT PRIMARY KEY, value TEXT NOT NULL);',
]

/** The kinds of rows that hold a string by key. */
export type PlainKind = 'markdown' | 'checks' | 'builds' | 'search'

export interface PageRow {
  /** sha1 of the bytes, as the output manifest records it. */
  hash: string
  /** Size and mtime of its file when it was stored. */
  stat: FileStat
}

export interface CacheDb {
  get(kind: PlainKind, key: string): string | undefined
  put(kind: PlainKind, key: string, value: string): void
  macro(key: string): { reads: string; value: string } | undefined
  putMacro(key: string, reads: string, value: string): void
  page(key: string): PageRow | undefined
  /** How many of `keys` (distinct) have a page row. */
  countPages(keys: readonly string[]): number
  /** The page rows of `keys`, one query, in no particular order. */
  eachPage(keys: readonly string[]): IterableIterator<PageRow & { key: string }>
  putPage(key: string, hash: string): void
  /** Records the stat of the file holding `hash`'s bytes. */
  putBlob(hash: string, stat: FileStat): void
  /** The files holding the pages' bytes (`.bds/pages/`). */
  readonly files: PageFiles
  /** True when the file holds no row (a first build, or after `bds cache clean`). */
  empty(): boolean
  /** Deletes every row whose key is not in `used` of its kind, in one transaction. */
  prune(used: Record<Kind, ReadonlySet<string>>): void
  /** Rows and bytes of each kind. */
  stats(): Record<Kind, { rows: number; bytes: number }>
  /** Runs `fn` in one write transaction. */
  batch(fn: () => void): void
  close(): void
  /** Where the file is; `:memory:` in tests. */
  readonly path: string
  /** Why an unusable file was set aside, when it was. */
  readonly reset?: string
}

const SIZE: Record<Kind, string> = {
  markdown: 'length(key) + length(value)',
  macros: 'length(key) + length(reads) + length(value)',
  pages: 'length(key) + length(hash)',
  checks: 'length(key) + length(value)',
  builds: 'length(key) + length(value)',
  search: 'length(key) + length(value)',
}

/**
 * Opens `cache.db` under `cacheDir` (the site's `.bds/`), or the database at `path`. A file
 * bds cannot use — even one that passes the checks of openSqlite but not this one's
 * statements — is set aside and a new one made.
 */
export function openCacheFile(cacheDir: string, path = join(cacheDir, 'cache.db')): CacheDb {
  try {
    return open(path)
  } catch (error) {
    if (path === ':memory:') throw error
    const aside = setAside(path)
    const opened = open(path)
    const why = `could not be used (${(error as Error).message}); it was set aside as ${aside}`
    return { ...opened, reset: opened.reset ? `${why}; ${opened.reset}` : why }
  }
}

function open(path: string): CacheDb {
  const opened = openSqlite(path, MIGRATIONS, 'SELECT count(*) FROM blobs', false)
  try {
    const files = path === ':memory:' ? memoryPageFiles() : diskPageFiles(dirname(path))
    return statements(opened.db, path, files, opened.reset)
  } catch (error) {
    opened.db.close()
    throw error
  }
}

function statements(
  db: Database.Database,
  path: string,
  files: PageFiles,
  reset?: string,
): CacheDb {
  const text = (kind: string) => ({
    get: db.prepare(`SELECT value FROM ${kind} WHERE key = ?`).pluck(),
    put: db.prepare(`INSERT OR REPLACE INTO ${kind} (key, value) VALUES (?, ?)`),
  })
  const plain = {
    markdown: text('markdown'),
    checks: text('checks'),
    builds: text('builds'),
    search: text('search'),
  }
  const getMacro = db.prepare('SELECT reads, value FROM macros WHERE key = ?')
  const putMacro = db.prepare('INSERT OR REPLACE INTO macros VALUES (?, ?, ?)')
  const joined = 'SELECT p.key, p.hash, b.size, b.mtime FROM pages p JOIN blobs b USING (hash)'
  const getPage = db.prepare(`${joined} WHERE p.key = ?`)
  const putPage = db.prepare('INSERT OR REPLACE INTO pages VALUES (?, ?)')
  const putBlob = db.prepare('INSERT OR REPLACE INTO blobs VALUES (?, ?, ?)')
  const anyRow = db
    .prepare(KINDS.map((kind) => `SELECT 1 FROM ${kind}`).join(' UNION ALL ') + ' LIMIT 1')
    .pluck()
  const listed = 'p.key IN (SELECT value FROM json_each(?))'
  const countPages = db.prepare(`SELECT count(*) FROM (${joined} WHERE ${listed})`).pluck()
  const eachPage = db.prepare(`${joined} WHERE ${listed}`)
  type Joined = { key: string; hash: string; size: number; mtime: number }
  const row = (r: Joined) => ({
    key: r.key,
    hash: r.hash,
    stat: { size: r.size, mtimeMs: r.mtime },
  })
  return {
    path,
    reset,
    get: (kind, key) => plain[kind].get.get(key) as string | undefined,
    put: (kind, key, value) => void plain[kind].put.run(key, value),
    macro: (key) => getMacro.get(key) as { reads: string; value: string } | undefined,
    putMacro: (key, reads, value) => void putMacro.run(key, reads, value),
    files,
    page(key) {
      const r = getPage.get(key) as Joined | undefined
      return r && row(r)
    },
    countPages: (keys) => countPages.get(JSON.stringify(keys)) as number,
    *eachPage(keys) {
      for (const r of eachPage.iterate(JSON.stringify(keys))) yield row(r as Joined)
    },
    putPage: (key, hash) => void putPage.run(key, hash),
    putBlob: (hash, stat) => void putBlob.run(hash, stat.size, stat.mtimeMs),
    empty: () => anyRow.get() === undefined,
    prune(used) {
      prune(db, used)
      const kept = new Set(db.prepare('SELECT hash FROM blobs').pluck().all() as string[])
      files.prune((hash) => kept.has(hash))
    },
    stats: () => stats(db),
    batch: (fn) => db.transaction(fn).immediate(),
    close: () => db.close(),
  }
}

function prune(db: Database.Database, used: Record<Kind, ReadonlySet<string>>): void {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS used (kind TEXT, key TEXT, PRIMARY KEY (kind, key))')
  const add = db.prepare('INSERT OR IGNORE INTO temp.used VALUES (?, ?)')
  db.transaction(() => {
    for (const kind of KINDS) for (const key of used[kind]) add.run(kind, key)
    for (const kind of KINDS)
      db.exec(
        `DELETE FROM ${kind} WHERE key NOT IN (SELECT key FROM temp.used WHERE kind = '${kind}')`,
      )
    db.exec('DELETE FROM blobs WHERE hash NOT IN (SELECT hash FROM pages)')
    db.exec('DELETE FROM temp.used')
  }).immediate()
}

function stats(db: Database.Database): Record<Kind, { rows: number; bytes: number }> {
  const out = {} as Record<Kind, { rows: number; bytes: number }>
  for (const kind of KINDS) {
    const row = db
      .prepare(`SELECT count(*) AS rows, coalesce(sum(${SIZE[kind]}), 0) AS bytes FROM ${kind}`)
      .get() as { rows: number; bytes: number }
    out[kind] = row
  }
  // A page's bytes are in its file, counted once however many pages share it.
  out.pages.bytes += db.prepare('SELECT coalesce(sum(size), 0) FROM blobs').pluck().get() as number
  return out
}
