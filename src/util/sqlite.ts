// openSqlite: a better-sqlite3 database for a disposable index under .bds/ — WAL mode, a
// busy timeout so two bds processes wait for each other, forward migrations numbered by
// `user_version`, and bds's application_id. Anything in the way that is not such a database
// (a file at .bds, a folder or a link at the database, another program's database, a
// corrupt or newer file) is set aside, unchanged, and a fresh one is made; when even that
// fails the run keeps the database in memory. The caller reports `reset` as a warning.

import { lstatSync, mkdirSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import Database from 'better-sqlite3'
import { BDS_APPLICATION_ID, foreignReason, setAside } from './sqlite-check.js'

export interface OpenedDb {
  db: Database.Database
  /** What was wrong and what was done about it, when the file could not be used. */
  reset?: string
}

function open(
  path: string,
  migrations: readonly string[],
  probe: string,
  durable = true,
): Database.Database {
  const db = new Database(path, { timeout: 10_000 })
  try {
    // Marked before WAL mode, so the mark is in the file itself from the first write on.
    if (db.pragma('application_id', { simple: true }) !== BDS_APPLICATION_ID)
      db.pragma(`application_id = ${BDS_APPLICATION_ID}`)
    db.pragma('journal_mode = WAL')
    // A cache that can be made again need not wait for the disk: a crash of the process loses
    // nothing in WAL mode, and one of the machine that leaves a corrupt file sets it aside.
    db.pragma(durable ? 'synchronous = NORMAL' : 'synchronous = OFF')
    db.transaction(() => {
      const version = db.pragma('user_version', { simple: true }) as number
      if (version > migrations.length)
        throw new Error(`schema version ${version} is newer than this bds knows`)
      for (let v = version; v < migrations.length; v++) db.exec(migrations[v] as string)
      if (version !== migrations.length) db.pragma(`user_version = ${migrations.length}`)
    }).immediate()
    db.prepare(probe).get()
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

/** Makes the cache folder; something else in its place is set aside first. */
function cacheFolder(dir: string, notes: string[]): void {
  const s = lstatSync(dir, { throwIfNoEntry: false })
  if (s && !s.isDirectory()) {
    const kind = s.isSymbolicLink() ? 'a symbolic link' : 'a file'
    notes.push(
      `${basename(dir)} is ${kind}, not a folder; it was set aside as ${setAside(dir, false)}`,
    )
  }
  mkdirSync(dir, { recursive: true })
}

/**
 * Opens (or makes) the database at `path`. `durable: false` never waits for the disk to
 * confirm a write (a cache whose loss costs only time).
 */
export function openSqlite(
  path: string,
  migrations: readonly string[],
  probe: string,
  durable = true,
): OpenedDb {
  if (path === ':memory:') return { db: open(path, migrations, probe) }
  const notes: string[] = []
  const done = (db: Database.Database): OpenedDb =>
    notes.length ? { db, reset: notes.join('; ') } : { db }
  try {
    cacheFolder(dirname(path), notes)
    const reason = foreignReason(path, migrations)
    if (reason) notes.push(`${reason}; it was set aside as ${setAside(path)}, unchanged`)
    try {
      return done(open(path, migrations, probe, durable))
    } catch (error) {
      const why = `it could not be opened (${(error as Error).message})`
      notes.push(`${why}; it was set aside as ${setAside(path)}`)
      return done(open(path, migrations, probe, durable))
    }
  } catch (error) {
    notes.push(
      `no cache file can be made there (${(error as Error).message}), so this run keeps it in memory`,
    )
    return done(open(':memory:', migrations, probe))
  }
}
