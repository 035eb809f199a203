// Fs: the small file-reading interface the build uses, so tests can run on memory files.
// nodeFs reads the real disk, confined to the source boundary (boundary.ts): walk() lists
// files recursively, sorted, skipping dotfiles and links that lead out of the site.
// memory-fs.ts keeps files in memory.

import { closeSync, constants, lstatSync, openSync, readFileSync, statSync } from 'node:fs'
import { realpath } from 'node:fs/promises'
import { BdsError } from '../errors/index.js'
import { boundaryOf, insideAny, realOf } from './boundary.js'
import { type SkippedLink, walkConfined } from './walk.js'

export { type SkippedLink, skippedLinkWarning } from './walk.js'

export interface FileStat {
  size: number
  mtimeMs: number
}

export interface Fs {
  /**
   * Files below `dir` as `/`-separated relative paths, sorted; [] when dir is missing. Links
   * that lead out of the site are left out and, when `onSkip` is given, reported to it.
   */
  walk(dir: string, onSkip?: (skip: SkippedLink) => void): Promise<string[]>
  readText(path: string): Promise<string>
  readBytes(path: string): Promise<Buffer>
  /** Stat of a file, or undefined when it does not exist or is not a file. */
  stat(path: string): Promise<FileStat | undefined>
  /** True when `path` is a folder. */
  isDir(path: string): Promise<boolean>
  /** `path` with every symbolic link resolved (rejects when missing); a Fs without links may omit it. */
  realpath?(path: string): Promise<string>
}

export function isMissing(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code
  return code === 'ENOENT' || code === 'ENOTDIR'
}

/** The error for a source that is a link out of its site (a warning: the file is skipped). */
export function outsideError(path: string, target: string): BdsError {
  const message = `${path} is a symbolic link to ${target}, outside the site; it was not read.`
  return new BdsError('BDS_SOURCE_OUTSIDE', message, { severity: 'warning' })
}

/** The real path of a file that is itself a link, once checked against its site's roots. */
function followLink(path: string): string {
  const target = realOf(path)
  if (target === undefined)
    throw Object.assign(new Error(`${path}: broken link`), { code: 'ENOENT' })
  if (!insideAny(target, boundaryOf(path))) throw outsideError(path, target)
  return target
}

const NOFOLLOW = constants.O_NOFOLLOW ?? 0

/** Reads a file; one that is a link is read only when it resolves inside its site. */
function readInside(path: string): Buffer {
  let fd: number
  try {
    if (!NOFOLLOW && lstatSync(path).isSymbolicLink())
      throw Object.assign(new Error(), { code: 'ELOOP' })
    fd = openSync(path, constants.O_RDONLY | NOFOLLOW)
  } catch (error) {
    if ((error as { code?: string }).code !== 'ELOOP') throw error
    fd = openSync(followLink(path), 'r')
  }
  try {
    return readFileSync(fd)
  } finally {
    closeSync(fd)
  }
}

export const nodeFs: Fs = {
  walk: async (dir, onSkip) => walkConfined(dir, boundaryOf(dir), onSkip),
  // Reads and stats are synchronous on purpose: for thousands of small files they are several
  // times faster than the promise API, whose per-call overhead dominates on two cores.
  readText: async (path) => readInside(path).toString('utf8'),
  readBytes: async (path) => readInside(path),
  async stat(path) {
    try {
      let s = lstatSync(path, { throwIfNoEntry: false })
      if (s?.isSymbolicLink()) {
        const target = realOf(path)
        s = target && insideAny(target, boundaryOf(path)) ? statSync(target) : undefined
      }
      return s?.isFile() ? { size: s.size, mtimeMs: s.mtimeMs } : undefined
    } catch (error) {
      if (isMissing(error)) return undefined
      throw error
    }
  },
  isDir: async (path) => statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false,
  realpath: (path) => realpath(path),
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
