// The output folder on disk. A write goes to a temporary file in `.bds-tmp/` and is renamed
// into place, so a reader (or an interrupted build) never finds a half-written file, and the
// next build clears what an interrupted one left there. Nothing is written through or
// followed that is a symbolic link: each folder on a path is checked once per build.

import {
  copyFileSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join } from 'node:path'
import { threadId } from 'node:worker_threads'
import { alive } from '../util/alive.js'
import { statFile } from '../util/file-kind.js'
import type { FileStat } from '../util/fs.js'
import { checkOutputPath, MARKER, TEMP_DIR } from './paths.js'
import type { OutputData, OutputWriter } from './writer.js'

const kindOf = (path: string) => {
  const s = lstatSync(path, { throwIfNoEntry: false })
  return s === undefined ? 'none' : s.isDirectory() ? 'dir' : s.isFile() ? 'file' : 'other'
}

function listInto(root: string, rel: string, out: string[]): void {
  for (const entry of readdirSync(rel ? join(root, rel) : root, { withFileTypes: true })) {
    const path = rel ? `${rel}/${entry.name}` : entry.name
    if (!rel && (entry.name === TEMP_DIR || entry.name === MARKER)) continue
    if (entry.isDirectory()) listInto(root, path, out)
    else if (entry.isFile()) out.push(path)
  }
}

/** Removes temporary files that no running bds process is writing, and the folder if empty. */
export function clearTemp(root: string): void {
  const dir = join(root, TEMP_DIR)
  if (kindOf(dir) === 'other') rmSync(dir, { force: true })
  if (kindOf(dir) !== 'dir') return
  for (const name of readdirSync(dir)) {
    const pid = Number(name.split('-')[0])
    if (!Number.isInteger(pid) || pid === process.pid || !alive(pid))
      rmSync(join(dir, name), { force: true, recursive: true })
  }
  try {
    rmdirSync(dir)
  } catch {}
}

/**
 * Makes a folder that was not there. The render worker writes into the same output folder
 * at the same time: a folder it made a moment ago is fine, anything else at the path is not.
 */
function makeDir(path: string): void {
  try {
    mkdirSync(path)
  } catch (error) {
    if ((error as { code?: string }).code !== 'EEXIST' || kindOf(path) !== 'dir') throw error
  }
}

/** Hard-links `from` at `to` with the time of now; copies it where that cannot be done. */
function linkNow(from: string, to: string): void {
  try {
    linkSync(from, to)
  } catch {
    copyFileSync(from, to) // another disk, or a file system without links
    return
  }
  try {
    const now = new Date()
    utimesSync(to, now, now)
  } catch {
    unlinkSync(to) // not ours to touch (another user's file): a copy of our own
    copyFileSync(from, to)
  }
}

export function createDiskWriter(root: string): OutputWriter {
  const dirs = new Set<string>()
  /** Folders this build made: nothing was in them before, so no file there needs a stat. */
  const made = new Set<string>()
  const written = new Set<string>()
  const fresh = (path: string) => made.has(dirname(path)) && !written.has(path)
  let count = 0
  /** Makes the folders of `path` (relative), refusing any that is a link or a file. */
  const ensureDir = (rel: string) => {
    if (rel === '.' || rel === '' || dirs.has(rel)) return
    ensureDir(dirname(rel))
    const full = join(root, rel)
    try {
      mkdirSync(full)
      made.add(rel)
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error
      if (kindOf(full) !== 'dir')
        throw new Error(`${full} is not a folder (a link or a file); bds writes nothing through it`)
    }
    dirs.add(rel)
  }
  const tempDir = join(root, TEMP_DIR)
  return {
    root,
    stat: (path) => (fresh(path) ? undefined : statFile(join(root, path))),
    read(path) {
      if (!statFile(join(root, path))) return undefined
      return readFileSync(join(root, path))
    },
    write(path: string, data: OutputData, own = false) {
      checkOutputPath(path, own)
      const target = join(root, path)
      if (!dirs.has(TEMP_DIR)) {
        mkdirSync(root, { recursive: true })
        if (kindOf(tempDir) !== 'dir') {
          rmSync(tempDir, { force: true })
          makeDir(tempDir)
        }
        dirs.add(TEMP_DIR)
      }
      const dir = dirname(path)
      ensureDir(dir)
      if (!fresh(path) && !['none', 'file'].includes(kindOf(target)))
        throw new Error(`${target} is a link or a folder; bds writes nothing through it`)
      const tmp = join(tempDir, `${process.pid}-${threadId}-${++count}`)
      try {
        if ('from' in data) copyFileSync(data.from, tmp)
        else if ('link' in data) linkNow(data.link, tmp)
        else writeFileSync(tmp, data.bytes)
        const stat = statFile(tmp) as FileStat
        renameSync(tmp, target)
        written.add(path)
        return stat
      } catch (error) {
        rmSync(tmp, { force: true })
        throw error
      }
    },
    remove(path) {
      checkOutputPath(path)
      if (!statFile(join(root, path))) return
      unlinkSync(join(root, path))
      for (let dir = dirname(path); dir !== '.'; dir = dirname(dir)) {
        try {
          if (kindOf(join(root, dir)) !== 'dir' || readdirSync(join(root, dir)).length > 0) break
          rmdirSync(join(root, dir))
          dirs.delete(dir)
          made.delete(dir)
        } catch {
          break
        }
      }
    },
    source: (from) => readFileSync(from),
    file: (path) => join(root, path),
    clearTemp() {
      clearTemp(root)
      dirs.delete(TEMP_DIR)
    },
    list() {
      const out: string[] = []
      try {
        listInto(root, '', out)
      } catch {}
      return out.sort()
    },
  }
}
