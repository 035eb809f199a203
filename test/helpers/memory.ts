// A fixture site and the bundled theme loaded into a memory Fs, so a whole build runs without
// touching the disk (the paths below do not exist there).

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createMemoryFs, type MemoryFs } from '../../src/util/memory-fs.js'
import { bundledTemplatesDir } from '../../src/version.js'
import { fixturesDir, listFiles } from './site.js'

export const MEMORY_ROOT = '/bds-memory/site'
export const MEMORY_THEME = '/bds-memory/theme'

function load(fs: MemoryFs, from: string, to: string, skip = /^(\.bds|dist|__golden__)\//): void {
  for (const file of listFiles(from))
    if (!skip.test(file)) fs.put(join(to, file), readFileSync(join(from, file)))
}

/** fixtures/sites/<name> at MEMORY_ROOT and the bundled theme at MEMORY_THEME. */
export function memoryFixture(name: string): MemoryFs {
  const fs = createMemoryFs()
  load(fs, join(fixturesDir, 'sites', name), MEMORY_ROOT)
  load(fs, bundledTemplatesDir, MEMORY_THEME)
  return fs
}

/** A site from `files` (paths relative to the site) at MEMORY_ROOT, with the bundled theme. */
export function memorySite(files: Record<string, string>): MemoryFs {
  const fs = createMemoryFs()
  for (const [path, text] of Object.entries(files)) fs.put(join(MEMORY_ROOT, path), text)
  load(fs, bundledTemplatesDir, MEMORY_THEME)
  return fs
}
