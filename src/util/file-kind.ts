// What lies at a path, without following a symbolic link: a regular file's size and mtime, or
// whether it is a plain folder. bds reads and writes nothing through a link it did not make.

import { lstatSync } from 'node:fs'
import type { FileStat } from './fs.js'

/** Size and mtime of a regular file (not followed when it is a link), else undefined. */
export function statFile(path: string): FileStat | undefined {
  try {
    const s = lstatSync(path, { throwIfNoEntry: false })
    return s?.isFile() ? { size: s.size, mtimeMs: s.mtimeMs } : undefined
  } catch {
    return undefined
  }
}

/** True when `path` is a folder (not a link to one). */
export const isFolder = (path: string): boolean =>
  lstatSync(path, { throwIfNoEntry: false })?.isDirectory() === true
