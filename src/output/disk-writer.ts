// The output folder on disk: writes go to a temporary name beside the target and are renamed
// over it, so a reader (or an interrupted build) never finds a half-written file. Folders are
// created once per build; removing a file prunes the folders it leaves empty.

import {
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { FileStat } from '../util/fs.js'
import type { OutputData, OutputWriter } from './writer.js'

/** Name of the temporary file a write of `target` by process `pid` uses. */
export const tempName = (target: string, pid: number) =>
  join(dirname(target), `.${basename(target)}.bds-tmp-${pid}`)

export function statFile(path: string): FileStat | undefined {
  try {
    // throwIfNoEntry: a missing file is the common case on a first build, and building an
    // exception for it costs more than the stat itself.
    const s = statSync(path, { throwIfNoEntry: false })
    return s?.isFile() ? { size: s.size, mtimeMs: s.mtimeMs } : undefined
  } catch {
    return undefined
  }
}

function listInto(root: string, rel: string, out: string[]): void {
  for (const entry of readdirSync(rel ? join(root, rel) : root, { withFileTypes: true })) {
    const path = rel ? `${rel}/${entry.name}` : entry.name
    if (entry.isDirectory()) listInto(root, path, out)
    else if (entry.isFile()) out.push(path)
  }
}

export function createDiskWriter(root: string): OutputWriter {
  const dirs = new Set<string>()
  const ensureDir = (dir: string) => {
    if (dirs.has(dir)) return
    const parent = dirname(dir)
    if (parent !== dir && !dirs.has(parent)) ensureDir(parent)
    try {
      mkdirSync(dir)
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error
    }
    dirs.add(dir)
  }
  return {
    root,
    stat: (path) => statFile(join(root, path)),
    read(path) {
      try {
        return readFileSync(join(root, path))
      } catch {
        return undefined
      }
    },
    write(path: string, data: OutputData) {
      const target = join(root, path)
      const tmp = tempName(target, process.pid)
      try {
        ensureDir(dirname(target))
        if ('from' in data) copyFileSync(data.from, tmp)
        else writeFileSync(tmp, data.bytes)
        const written = statFile(tmp) as FileStat
        renameSync(tmp, target)
        return written
      } catch (error) {
        try {
          unlinkSync(tmp)
        } catch {}
        throw error
      }
    },
    remove(path) {
      unlinkSync(join(root, path))
      for (let dir = dirname(join(root, path)); dir.startsWith(root) && dir !== root; ) {
        try {
          if (readdirSync(dir).length > 0) break
          rmdirSync(dir)
          dirs.delete(dir)
        } catch {
          break
        }
        dir = dirname(dir)
      }
    },
    source: (from) => readFileSync(from),
    list() {
      const out: string[] = []
      try {
        listInto(root, '', out)
      } catch {}
      return out.sort()
    },
  }
}
