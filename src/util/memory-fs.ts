// A file tree in memory behind the Fs interface: builds and tests read a whole site without
// touching the disk. Paths are absolute (`/site/posts/a.md`); `readSync` serves the memory
// output writer's copies.

import { join } from 'node:path'
import type { FileStat, Fs } from './fs.js'

export interface MemoryFs extends Fs {
  readSync(path: string): Uint8Array
  statSync(path: string): FileStat | undefined
  /** Files below `dir`, as walk() lists them. */
  walkSync(dir: string): string[]
  /** Adds or replaces a file. */
  put(path: string, contents: string | Uint8Array): void
}

const missing = (path: string) =>
  Object.assign(new Error(`ENOENT: no such file, open '${path}'`), { code: 'ENOENT' })

/** `files` maps absolute paths to contents. */
export function createMemoryFs(files: Record<string, string | Uint8Array> = {}): MemoryFs {
  const entries = new Map<string, { bytes: Buffer; mtimeMs: number }>()
  let clock = 0
  const put = (path: string, contents: string | Uint8Array) =>
    entries.set(join('/', path), { bytes: Buffer.from(contents), mtimeMs: ++clock })
  for (const [path, contents] of Object.entries(files)) put(path, contents)
  const readSync = (path: string) => {
    const entry = entries.get(join('/', path))
    if (!entry) throw missing(path)
    return entry.bytes
  }
  const prefix = (dir: string) => `${join('/', dir)}/`.replace(/\/+$/, '/')
  const walkSync = (dir: string) => {
    const base = prefix(dir)
    return [...entries.keys()]
      .filter((p) => p.startsWith(base))
      .map((p) => p.slice(base.length))
      .filter((rel) => !rel.split('/').some((part) => part.startsWith('.')))
      .sort()
  }
  const statSync = (path: string): FileStat | undefined => {
    const entry = entries.get(join('/', path))
    return entry && { size: entry.bytes.byteLength, mtimeMs: entry.mtimeMs }
  }
  return {
    put,
    readSync,
    statSync,
    walkSync,
    walk: async (dir) => walkSync(dir),
    readText: async (path) => readSync(path).toString('utf8'),
    readBytes: async (path) => readSync(path),
    stat: async (path) => statSync(path),
    async isDir(path) {
      const base = prefix(path)
      for (const p of entries.keys()) if (p.startsWith(base)) return true
      return false
    },
  }
}
