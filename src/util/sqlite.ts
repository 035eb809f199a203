// openSqlite: a better-sqlite3 database for a disposable index under .bds/ — WAL mode, a
// busy timeout so two bds processes wait for each other, forward migrations numbered by
// `user_version`. A file that is corrupt, foreign or from a newer schema is deleted and
// created anew; the caller reports `reset` as a warning and rebuilds it from the files.

import { mkdirSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'

export interface OpenedDb {
  db: Database.Database
  /** Why the file had to be recreated, when it had to. */
  reset?: string
}

function open(path: string, migrations: readonly string[], probe: string): Database.Database {
  const db = new Database(path, { timeout: 10_000 })
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
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

export function openSqlite(path: string, migrations: readonly string[], probe: string): OpenedDb {
  if (path === ':memory:') return { db: open(path, migrations, probe) }
  mkdirSync(dirname(path), { recursive: true })
  try {
    return { db: open(path, migrations, probe) }
  } catch (error) {
    for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true })
    return { db: open(path, migrations, probe), reset: (error as Error).message }
  }
}
