// ImageStore: what the image step keeps between builds in `.bds/images/` — each source image's
// size, content hash and dimensions (found again only when its size or mtime changes), and the
// resized variants by content hash, so no image is ever resized twice. memoryImageStore() keeps
// the same in memory (memory builds, or a `.bds/images` that is not a plain folder).

import { lstatSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { isFolder } from '../../util/file-kind.js'
import type { FileStat } from '../../util/fs.js'

export interface ImageProbe {
  size: number
  mtimeMs: number
  hash: string
  width: number
  height: number
}

/** A stored variant: a file to copy from (disk) or its bytes (memory). */
export type StoredVariant = { from: string; stat: FileStat } | { bytes: Uint8Array }

export interface ImageStore {
  /** The probe of `file` when its size and mtime still match. */
  probe(file: string, stat: FileStat): ImageProbe | undefined
  remember(file: string, probe: ImageProbe): void
  variant(key: string): StoredVariant | undefined
  putVariant(key: string, bytes: Uint8Array): StoredVariant
  /** Writes what changed (the probes; variants are written as they are made). */
  save(): void
}

const VERSION = 1

export function memoryImageStore(): ImageStore {
  const probes = new Map<string, ImageProbe>()
  const variants = new Map<string, Uint8Array>()
  return {
    probe: (file, stat) => {
      const p = probes.get(file)
      return p && p.size === stat.size && p.mtimeMs === stat.mtimeMs ? p : undefined
    },
    remember: (file, probe) => void probes.set(file, probe),
    variant: (key) => {
      const bytes = variants.get(key)
      return bytes && { bytes }
    },
    putVariant: (key, bytes) => {
      variants.set(key, bytes)
      return { bytes }
    },
    save: () => {},
  }
}

/** The store in `cacheDir/images`; in memory when that is not a plain folder (a link, a file). */
export function diskImageStore(cacheDir: string): ImageStore {
  const dir = join(cacheDir, 'images')
  const files = join(dir, 'v')
  try {
    if (!isFolder(cacheDir)) return memoryImageStore()
    mkdirSync(files, { recursive: true })
    if (!isFolder(dir) || !isFolder(files)) return memoryImageStore()
  } catch {
    return memoryImageStore()
  }
  const index = join(dir, 'index.json')
  let probes: Record<string, ImageProbe> = {}
  try {
    const saved = JSON.parse(readFileSync(index, 'utf8')) as {
      version: number
      probes: typeof probes
    }
    if (saved.version === VERSION) probes = saved.probes
  } catch {
    // none yet, or unreadable: found again
  }
  let changed = false
  const atomic = (path: string, data: Uint8Array | string) => {
    const temp = `${path}.${process.pid}.tmp`
    writeFileSync(temp, data)
    renameSync(temp, path)
  }
  return {
    probe: (file, stat) => {
      const p = probes[file]
      return p && p.size === stat.size && p.mtimeMs === stat.mtimeMs ? p : undefined
    },
    remember: (file, probe) => {
      probes[file] = probe
      changed = true
    },
    variant: (key) => {
      const path = join(files, key)
      const s = lstatSync(path, { throwIfNoEntry: false })
      return s?.isFile() ? { from: path, stat: { size: s.size, mtimeMs: s.mtimeMs } } : undefined
    },
    putVariant: (key, bytes) => {
      const path = join(files, key)
      atomic(path, bytes)
      const s = lstatSync(path)
      return { from: path, stat: { size: s.size, mtimeMs: s.mtimeMs } }
    },
    save: () => {
      if (changed) atomic(index, JSON.stringify({ version: VERSION, probes }))
      changed = false
    },
  }
}
