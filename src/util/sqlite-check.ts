// Is what lies at a cache path bds's own database? Checked without changing anything: the
// kind of each entry (a folder or a link is never opened), the header's magic and
// application_id, and for a database without an application_id — one bds made before it
// set one — its exact schema. What fails is set aside: renamed, never modified.

import { closeSync, lstatSync, openSync, readSync, renameSync } from 'node:fs'
import { basename } from 'node:path'
import Database from 'better-sqlite3'

/** The application_id of every database bds makes ("bds1"). */
export const BDS_APPLICATION_ID = 0x62647331

const COMPANIONS = ['', '-wal', '-shm', '-journal']

function kindOf(path: string): string | undefined {
  const s = lstatSync(path, { throwIfNoEntry: false })
  if (!s || s.isFile()) return undefined
  return s.isSymbolicLink() ? 'a symbolic link' : s.isDirectory() ? 'a folder' : 'not a file'
}

function header(path: string): Buffer {
  const fd = openSync(path, 'r')
  try {
    const bytes = Buffer.alloc(100)
    return bytes.subarray(0, readSync(fd, bytes, 0, 100, 0))
  } finally {
    closeSync(fd)
  }
}

/** Tables and indexes as `migrations` (the first `version` of them) make them. */
function schemaAfter(migrations: readonly string[], version: number): string {
  const db = new Database(':memory:')
  try {
    for (const sql of migrations.slice(0, version)) db.exec(sql)
    return JSON.stringify(
      db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all(),
    )
  } finally {
    db.close()
  }
}

/** A database without an application_id is bds's when its schema is exactly one bds made. */
function unmarkedReason(path: string, migrations: readonly string[]): string | undefined {
  const db = new Database(path, { readonly: true, fileMustExist: true })
  try {
    if (db.pragma('application_id', { simple: true }) === BDS_APPLICATION_ID) return undefined
    const version = db.pragma('user_version', { simple: true }) as number
    if (version > migrations.length) return `its schema version ${version} is newer than this bds`
    const schema = db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all()
    if (JSON.stringify(schema) === schemaAfter(migrations, version)) return undefined
    return 'it is a SQLite database of another program'
  } finally {
    db.close()
  }
}

/** Why the database at `path` is not one bds may open and write, or undefined when it is (or is absent). */
export function foreignReason(path: string, migrations: readonly string[]): string | undefined {
  for (const suffix of COMPANIONS) {
    const kind = kindOf(path + suffix)
    if (kind) return `${basename(path + suffix)} is ${kind}`
  }
  if (!lstatSync(path, { throwIfNoEntry: false })) return undefined
  const head = header(path)
  if (head.length === 0) return undefined
  if (head.length < 100 || head.toString('latin1', 0, 16) !== 'SQLite format 3\0')
    return 'it is not a SQLite database'
  const id = head.readInt32BE(68)
  if (id === BDS_APPLICATION_ID) return undefined
  if (id !== 0) return `it belongs to another program (application_id 0x${(id >>> 0).toString(16)})`
  try {
    return unmarkedReason(path, migrations)
  } catch (error) {
    return `it cannot be read (${(error as Error).message})`
  }
}

/** Renames `path` (and its -wal, -shm, -journal files) aside; returns the new name of `path`. */
export function setAside(path: string, companions = true): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const aside = `${path}.aside-${stamp}-${process.pid}`
  for (const suffix of companions ? COMPANIONS : ['']) {
    try {
      renameSync(path + suffix, aside + suffix)
    } catch (error) {
      // Gone already (another bds process set it aside first): nothing left to move.
      if ((error as { code?: string }).code !== 'ENOENT') throw error
    }
  }
  return basename(aside)
}
