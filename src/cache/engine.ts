// The engine key: what identifies the bds that made a cached result — its version and a hash
// of its own code (the compiled JavaScript it runs, or the sources when it runs from them, the
// Python harness, the bundled theme) and of its dependency lock, all by content. Two installs
// of the same bds agree on it on any machine; a rebuilt checkout or another version never
// reads the other's results.

import { type Dirent, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { hashText } from '../util/hash.js'
import { BDS_VERSION, bdsRoot } from '../version.js'

/** The code this process runs: dist/ when bds runs compiled, src/ when it runs from sources. */
const running = fileURLToPath(new URL('..', import.meta.url))

const CODE: [string, string[]][] = [
  [running, ['.js', '.ts']],
  [join(bdsRoot, 'src/python/py'), ['.py']],
  [join(bdsRoot, 'templates'), ['']],
]

let engine: string | undefined

/** The engine key of this bds (computed once per process). */
export function engineKey(): string {
  if (engine !== undefined) return engine
  const hash = createHashOf(BDS_VERSION)
  for (const lock of ['npm-shrinkwrap.json', 'package-lock.json']) {
    try {
      hash.add(lock, readFileSync(join(bdsRoot, lock)))
      break
    } catch {
      // not this one
    }
  }
  for (const [dir, ext] of CODE) {
    let entries: Dirent[] = []
    try {
      entries = readdirSync(dir, { recursive: true, withFileTypes: true })
    } catch {
      continue
    }
    const files = entries
      .filter((e) => e.isFile() && ext.some((x) => e.name.endsWith(x)) && !e.name.endsWith('.d.ts'))
      .map((e) => join(e.parentPath, e.name))
      .sort()
    for (const file of files) hash.add(relative(dir, file), readFileSync(file))
  }
  engine = hash.digest()
  return engine
}

function createHashOf(first: string) {
  const parts = [first]
  return {
    add: (name: string, bytes: Buffer) => void parts.push(`${name}\0${hashText(bytes)}`),
    digest: () => hashText(parts.join('\n')),
  }
}
