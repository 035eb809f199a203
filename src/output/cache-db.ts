// The build cache: a SQLite file under .bds/ holding, per output folder, what the last build
// wrote (path, hash, size, mtime) and the input fingerprint. Disposable: a corrupt or foreign
// file is set aside and made anew, forged rows are dropped (manifest-check.ts), with a warning.

import { join } from 'node:path'
import { BdsError } from '../errors/index.js'
import { openSqlite } from '../util/sqlite.js'
import { dropForgedRows } from './manifest-check.js'

export interface ManifestEntry {
  hash: string
  size: number
  mtimeMs: number
  source: string
}

export type Manifest = Map<string, ManifestEntry>

export interface BuildState {
  fingerprint: string
  diagnostics: string
}

export interface CacheDb {
  readManifest(outDir: string): Manifest
  writeManifest(outDir: string, manifest: Manifest): void
  /** Records a few changed and removed outputs (watch mode's rebuilds). */
  patchManifest(outDir: string, put: Manifest, remove: readonly string[]): void
  readState(outDir: string): BuildState | undefined
  writeState(outDir: string, state: BuildState | undefined): void
  close(): void
  /** Set when the file had to be made anew, or forged rows were dropped from it. */
  readonly reset?: BdsError
}

const MIGRATIONS = [
  `CREATE TABLE outputs (out_dir TEXT NOT NULL, path TEXT NOT NULL, hash TEXT NOT NULL,
     size INTEGER NOT NULL, mtime_ms REAL NOT NULL, source TEXT NOT NULL,
     PRIMARY KEY (out_dir, path)) WITHOUT ROWID;
   CREATE TABLE builds (out_dir TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, diagnostics TEXT NOT NULL);`,
]

/** Opens `.bds/build.db` under `cacheDir`, or the database at `path` (`:memory:` in tests). */
export function openCacheDb(cacheDir: string, path = join(cacheDir, 'build.db')): CacheDb {
  const opened = openSqlite(path, MIGRATIONS, 'SELECT count(*) FROM outputs')
  const db = opened.db
  const dropped = dropForgedRows(db)
  const why = opened.reset
    ? `could not be used: ${opened.reset}. A new cache was made.`
    : `held ${dropped.length} output path(s) bds never writes (${dropped.slice(0, 3).join(', ')}); they were dropped, so no file outside the output folder is touched.`
  const reset =
    opened.reset === undefined && dropped.length === 0
      ? undefined
      : new BdsError('BDS_CACHE_RESET', `The build cache ${path} ${why}`, { severity: 'warning' })
  const selectOutputs = db.prepare(
    'SELECT path, hash, size, mtime_ms, source FROM outputs WHERE out_dir = ?',
  )
  const deleteOutputs = db.prepare('DELETE FROM outputs WHERE out_dir = ?')
  const insertOutput = db.prepare('INSERT INTO outputs VALUES (?, ?, ?, ?, ?, ?)')
  const putOutput = db.prepare('INSERT OR REPLACE INTO outputs VALUES (?, ?, ?, ?, ?, ?)')
  const deleteOutput = db.prepare('DELETE FROM outputs WHERE out_dir = ? AND path = ?')
  const selectState = db.prepare('SELECT fingerprint, diagnostics FROM builds WHERE out_dir = ?')
  const deleteState = db.prepare('DELETE FROM builds WHERE out_dir = ?')
  const insertState = db.prepare('INSERT INTO builds VALUES (?, ?, ?)')
  type Row = { path: string; hash: string; size: number; mtime_ms: number; source: string }
  return {
    reset,
    readManifest(outDir) {
      const rows = selectOutputs.all(outDir) as Row[]
      return new Map(
        rows.map((r) => [
          r.path,
          { hash: r.hash, size: r.size, mtimeMs: r.mtime_ms, source: r.source },
        ]),
      )
    },
    writeManifest: db.transaction((outDir: string, manifest: Manifest) => {
      deleteOutputs.run(outDir)
      for (const [p, e] of manifest)
        insertOutput.run(outDir, p, e.hash, e.size, e.mtimeMs, e.source)
    }),
    patchManifest: db.transaction((outDir: string, put: Manifest, remove: readonly string[]) => {
      for (const p of remove) deleteOutput.run(outDir, p)
      for (const [p, e] of put) putOutput.run(outDir, p, e.hash, e.size, e.mtimeMs, e.source)
    }),
    readState: (outDir) => validState(selectState.get(outDir)),
    writeState: db.transaction((outDir: string, state: BuildState | undefined) => {
      deleteState.run(outDir)
      if (state) insertState.run(outDir, state.fingerprint, state.diagnostics)
    }),
    close: () => db.close(),
  }
}

/** A state row whose diagnostics parse as a build's diagnostics and macro counts, else undefined. */
function validState(row: unknown): BuildState | undefined {
  const r = row as Partial<BuildState> | undefined
  if (typeof r?.fingerprint !== 'string' || typeof r.diagnostics !== 'string') return undefined
  try {
    const last = JSON.parse(r.diagnostics) as { diagnostics?: unknown; macros?: unknown }
    const ok = Array.isArray(last?.diagnostics) && typeof last.macros === 'object' && last.macros
    return ok ? { fingerprint: r.fingerprint, diagnostics: r.diagnostics } : undefined
  } catch {
    return undefined
  }
}
