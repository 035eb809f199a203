// Manifest rows are data from a file in the site folder, which a hostile site can forge: a
// path with `..`, an absolute path or a row of the wrong types could make bds remove or write
// a file outside the output folder. Every row is checked when the cache is opened; bad rows
// are deleted from the cache and reported once.

import type Database from 'better-sqlite3'

/** A path bds could have written below the output folder: relative, `/`-separated, no `.` or `..`. */
export function isOutputPath(path: unknown): path is string {
  if (typeof path !== 'string' || path === '' || path.includes('\0')) return false
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return false
  if (process.platform === 'win32' && path.includes('\\')) return false
  return path.split('/').every((part) => part !== '' && part !== '.' && part !== '..')
}

const ROWS = `SELECT out_dir, path, typeof(hash) = 'text' AND typeof(source) = 'text'
  AND typeof(size) = 'integer' AND typeof(mtime_ms) IN ('real', 'integer') FROM outputs`

/** Deletes the rows whose path or fields bds could not have written; returns their paths. */
export function dropForgedRows(db: Database.Database): string[] {
  const remove = db.prepare('DELETE FROM outputs WHERE out_dir IS ? AND path IS ?')
  const rows = db.prepare(ROWS).raw().all() as [unknown, unknown, number][]
  const bad = rows.filter(([, path, ok]) => !ok || !isOutputPath(path))
  const removeAll = db.transaction(() => {
    for (const [dir, path] of bad) remove.run(dir, path)
  })
  if (bad.length > 0) removeAll()
  return bad.map(([, path]) => String(path))
}
