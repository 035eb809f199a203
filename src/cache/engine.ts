// The engine key: what identifies the bds that made a cached result — its version and a hash
// of its own code (compiled JavaScript, the Python harness, the bundled theme) and of its
// dependency lock, all by content. Two installs of the same bds agree on it on any machine;
// a rebuilt checkout or another version never reads the other's results.

import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { hashText } from '../util/hash.js'
import { BDS_VERSION, bdsRoot } from '../version.js'

/** Files under `dir` (relative, sorted) whose names end in one of `ext`; none when it is missing. */
function files(dir: string, ext: readonly string[]): string[] {
  let names: string[]
  try {
    names = readdirSync(dir, { recursive: true }) as string[]
  } catch {
    return []
  }
  return names
    .filter((n) => ext.some((e) => n.endsWith(e)) && statSync(join(dir, n)).isFile())
    .sort()
}

const CODE = [
  // Compiled bds (an install), else its sources (a checkout run through tsx, as tests do).
  { dir: 'dist', ext: ['.js'] },
  { dir: 'src', ext: ['.ts', '.py'] },
  { dir: 'templates', ext: [''] },
]

let engine: string | undefined

/** The engine key of this bds (computed once per process). */
export function engineKey(): string {
  if (engine !== undefined) return engine
  const parts = [BDS_VERSION]
  for (const lock of ['npm-shrinkwrap.json', 'package-lock.json']) {
    try {
      parts.push(hashText(readFileSync(join(bdsRoot, lock))))
      break
    } catch {
      // not this one
    }
  }
  for (const { dir, ext } of CODE) {
    const root = join(bdsRoot, dir)
    for (const name of files(root, ext))
      parts.push(
        `${relative(bdsRoot, join(root, name))}\0${hashText(readFileSync(join(root, name)))}`,
      )
  }
  engine = hashText(parts.join('\n'))
  return engine
}
