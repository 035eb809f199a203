// PageFiles: the bytes of cached pages, one file per content hash under `.bds/pages/ab/cdef…`
// (cache.db maps a page's key to its hash). A page the build has just written to the output
// folder is hard-linked in — no byte is copied — and a cached page is linked out the same
// way (the output writer gives the link this build's time). A stored file is trusted while
// its size and mtime are those recorded; otherwise its hash is checked (a restore that lost
// the mtimes), and one that changed (an output file edited in place while still linked) is
// never served.
// memoryPageFiles() keeps the same in memory (memory builds, or a `.bds/pages` that is not a
// plain folder: nothing is written through a link).

import {
  copyFileSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { alive } from '../util/alive.js'
import { isFolder, statFile } from '../util/file-kind.js'
import type { FileStat } from '../util/fs.js'
import { hashText } from '../util/hash.js'

/** A stored page: a file to copy from (disk) or its bytes (memory). */
export type StoredPage = { from: string; stat: FileStat } | { bytes: Uint8Array }

/** What a page to keep is: a file holding its bytes as written (`stat`), or the bytes. */
export type PageSource = { file: string; stat: FileStat } | { bytes: string | Uint8Array }

export interface PageFiles {
  /** The bytes of `hash` as stored with `stat`; undefined when missing or changed. */
  get(hash: string, stat: FileStat): StoredPage | undefined
  /** The stat of the file of `hash` now (after an output file was linked to it). */
  stat(hash: string): FileStat | undefined
  /** Keeps the bytes of `hash`; the stat to record, or undefined when it could not. */
  keep(hash: string, source: PageSource): FileStat | undefined
  /** Removes every stored file whose hash `kept` does not hold (and leftover temporaries). */
  prune(kept: (hash: string) => boolean): void
}

const HASH = /^[0-9a-f]{40}$/
const FAN = /^[0-9a-f]{2}$/

export function memoryPageFiles(): PageFiles {
  const pages = new Map<string, Uint8Array>()
  return {
    get(hash, stat) {
      const bytes = pages.get(hash)
      return bytes?.byteLength === stat.size ? { bytes } : undefined
    },
    stat: (hash) => {
      const bytes = pages.get(hash)
      return bytes && { size: bytes.byteLength, mtimeMs: 0 }
    },
    keep(hash, source) {
      const bytes = 'bytes' in source ? Buffer.from(source.bytes) : readFileSync(source.file)
      // A file changed since it was written holds other bytes: not kept.
      if ('file' in source && hashText(bytes) !== hash) return undefined
      pages.set(hash, bytes)
      return { size: bytes.byteLength, mtimeMs: 0 }
    },
    prune(kept) {
      for (const hash of pages.keys()) if (!kept(hash)) pages.delete(hash)
    },
  }
}

/** The files in `dir/pages`; in memory when that cannot be a plain folder of bds's. */
export function diskPageFiles(dir: string): PageFiles {
  const root = join(dir, 'pages')
  try {
    mkdirSync(root, { recursive: true })
    if (!isFolder(dir) || !isFolder(root)) return memoryPageFiles()
  } catch {
    return memoryPageFiles()
  }
  const fans = new Set<string>()
  let count = 0
  const pathOf = (hash: string) => join(root, hash.slice(0, 2), hash.slice(2))
  /** The folder of `hash`, made once per build; never one that is a link. */
  const fan = (hash: string) => {
    const name = hash.slice(0, 2)
    if (fans.has(name)) return
    const path = join(root, name)
    try {
      mkdirSync(path)
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error
    }
    if (!isFolder(path)) throw new Error(`${path} is not a folder`)
    fans.add(name)
  }
  /** Puts `fill`'s temporary file at `target` whole (a reader never sees half a file). */
  const replace = (target: string, fill: (temp: string) => void) => {
    const temp = `${target}.${process.pid}-${++count}.tmp`
    try {
      fill(temp)
      renameSync(temp, target)
    } catch (error) {
      rmSync(temp, { force: true })
      throw error
    }
  }
  return {
    get(hash, stat) {
      if (!HASH.test(hash)) return undefined
      const from = pathOf(hash)
      const now = statFile(from)
      if (!now || now.size !== stat.size) return undefined
      if (now.mtimeMs === stat.mtimeMs) return { from, stat: now }
      // Touched since it was stored: kept only when it still holds those bytes.
      return hashText(readFileSync(from)) === hash ? { from, stat: now } : undefined
    },
    stat: (hash) => (HASH.test(hash) ? statFile(pathOf(hash)) : undefined),
    keep(hash, source) {
      if (!HASH.test(hash)) return undefined
      try {
        fan(hash)
        const target = pathOf(hash)
        if ('bytes' in source) {
          replace(target, (temp) => writeFileSync(temp, source.bytes))
          return statFile(target)
        }
        const linked = link(source.file, target, replace)
        // Still the file as written (a link shares it; a copy came from it): else not kept.
        const now = statFile(linked ? target : source.file)
        if (now?.size === source.stat.size && now.mtimeMs === source.stat.mtimeMs)
          return linked ? now : statFile(target)
        rmSync(target, { force: true })
        return undefined
      } catch {
        return undefined // a page not kept is computed again by a later build
      }
    },
    prune(kept) {
      for (const fanEntry of readdirSync(root, { withFileTypes: true })) {
        if (!fanEntry.isDirectory() || !FAN.test(fanEntry.name)) continue
        const folder = join(root, fanEntry.name)
        for (const entry of readdirSync(folder, { withFileTypes: true })) {
          if (!entry.isFile()) continue
          const hash = fanEntry.name + entry.name
          if (HASH.test(hash) && kept(hash)) continue
          // A temporary file of a bds process still running is left to it.
          const pid = Number(/\.(\d+)-\d+\.tmp$/.exec(entry.name)?.[1])
          if (pid && pid !== process.pid && alive(pid)) continue
          rmSync(join(folder, entry.name), { force: true })
        }
      }
    },
  }
}

/**
 * Links `file` at `target` (replacing what is there) and says true; copies it where no link
 * can be made (another disk, a file system without links) and says false.
 */
function link(file: string, target: string, replace: (t: string, f: (t: string) => void) => void) {
  let linked = true
  const linkOrCopy = (to: string) => {
    try {
      linkSync(file, to)
    } catch {
      linked = false
      copyFileSync(file, to)
    }
  }
  try {
    linkSync(file, target)
  } catch {
    replace(target, linkOrCopy)
  }
  return linked
}
