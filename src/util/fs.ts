// Fs: the small file-reading interface the build uses, so tests can run on memory files.
// nodeFs reads the real disk (memory-fs.ts keeps files in memory); walk() lists files
// recursively, sorted, skipping dotfiles.

import { readFileSync, statSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'

export interface FileStat {
  size: number
  mtimeMs: number
}

export interface Fs {
  /** Files below `dir` as `/`-separated relative paths, sorted; [] when dir is missing. */
  walk(dir: string): Promise<string[]>
  readText(path: string): Promise<string>
  readBytes(path: string): Promise<Buffer>
  /** Stat of a file, or undefined when it does not exist or is not a file. */
  stat(path: string): Promise<FileStat | undefined>
  /** True when `path` is a folder. */
  isDir(path: string): Promise<boolean>
}

async function walkInto(root: string, rel: string, out: string[]): Promise<void> {
  let entries: import('node:fs').Dirent[]
  try {
    entries = await readdir(rel ? join(root, rel) : root, { withFileTypes: true })
  } catch (error) {
    if (isMissing(error)) return
    throw error
  }
  const dirs: string[] = []
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue
    const path = rel ? `${rel}/${entry.name}` : entry.name
    if (entry.isDirectory()) dirs.push(path)
    else if (entry.isFile()) out.push(path)
  }
  await Promise.all(dirs.map((dir) => walkInto(root, dir, out)))
}

export function isMissing(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code
  return code === 'ENOENT' || code === 'ENOTDIR'
}

export const nodeFs: Fs = {
  async walk(dir) {
    const out: string[] = []
    await walkInto(dir, '', out)
    return out.sort()
  },
  // Reads and stats are synchronous on purpose: for thousands of small files they are several
  // times faster than the promise API, whose per-call overhead dominates on two cores.
  readText: async (path) => readFileSync(path, 'utf8'),
  readBytes: async (path) => readFileSync(path),
  async stat(path) {
    try {
      const s = statSync(path)
      return s.isFile() ? { size: s.size, mtimeMs: s.mtimeMs } : undefined
    } catch (error) {
      if (isMissing(error)) return undefined
      throw error
    }
  },
  isDir: async (path) => statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false,
}

/** Runs `fn` over `items` with at most `limit` promises in flight; results keep input order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await fn(items[index] as T, index)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}
