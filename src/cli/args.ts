// Command-line values shared by several commands: whole numbers in a range, and folders as a
// user would type them.

import { relative } from 'node:path'
import { BdsError } from '../errors/index.js'

export function parseNumber(flag: string, text: string, max: number, min = 0): number {
  const n = Number(text)
  if (Number.isInteger(n) && n >= min && n <= max) return n
  throw new BdsError(
    'BDS_USAGE',
    `${flag} must be a whole number from ${min} to ${max}, not "${text}".`,
  )
}

/** `--threads N`: the threads that render pages, the main one included. */
export const THREADS_FLAG = [
  '--threads <n>',
  'threads that render pages, the main one included (default: one per core)',
] as const

export const parseThreads = (text: string | undefined) =>
  text === undefined ? undefined : parseNumber('--threads', text, 256, 1)

/** A folder as the user would type it: relative to `cwd` when inside it, with a slash. */
export const shownFolder = (cwd: string, dir: string) => {
  const rel = relative(cwd, dir)
  return `${rel && !rel.startsWith('..') ? rel : dir}/`
}
