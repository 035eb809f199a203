// BuildDeps: everything a build reads, writes and runs with, injected so a build can run on the
// disk (the CLI) or entirely in memory (tests): the Fs it reads, the output writer, the SQLite
// stores under .bds/, the script files, macro runners and the Python host.

import { openCacheFile, type CacheDb as ResultsDb } from '../cache/index.js'
import type { ResolvedConfig } from '../config/index.js'
import type { MacroRunner } from '../macros/index.js'
import {
  type CacheDb,
  createDiskWriter,
  createMemoryWriter,
  type MemoryWriter,
  type OutputWriter,
  openCacheDb,
} from '../output/index.js'
import type { PythonHost } from '../python/index.js'
import {
  diskScriptFiles,
  memoryScriptFiles,
  openScriptStore,
  type ScriptFiles,
  type ScriptStore,
} from '../scripts/index.js'
import { type Fs, nodeFs } from '../util/fs.js'
import type { MemoryFs } from '../util/memory-fs.js'
import { bundledTemplatesDir } from '../version.js'
import { diskImageStore, type ImageStore, memoryImageStore } from './steps/image-store.js'
import type { Resizer } from './steps/resize.js'

/** The SQLite databases of a site's `.bds/` folder, and its image store. */
export interface Stores {
  cache(cacheDir: string): CacheDb
  scripts(cacheDir: string): ScriptStore
  /** The build cache of results (cache.db). */
  results(cacheDir: string): ResultsDb
  /** Image sizes and resized variants (`.bds/images`); in memory when absent. */
  images?(cacheDir: string): ImageStore
}

export interface BuildDeps {
  fs: Fs
  cwd: string
  templatesDir: string
  /** Use the render worker: `auto` does when the site has enough posts to gain from it. */
  parallel: boolean | 'auto'
  /** Called with each step's name as it starts. */
  onStep?: (name: string) => void
  /** Macro runners tried after the built-ins and Python scripts (fakes in tests). */
  macroRunners?: MacroRunner[]
  /**
   * The Python host for a config (watch mode keeps one warm for the session and stops it);
   * without it a build starts its own when a page needs one, and stops it at the end.
   */
  python?: (config: ResolvedConfig) => PythonHost
  /** The output folder's writer. */
  output: (outDir: string) => OutputWriter
  stores: Stores
  scriptFiles: ScriptFiles
  /** sharp for resized image variants, or why it cannot be loaded (default: import it). */
  sharp?: () => Promise<Resizer | string>
  /** The build's clock: posts dated after it are held back (tests pass a fixed one). */
  now: () => Date
}

export const diskStores: Stores = {
  cache: (dir) => openCacheDb(dir),
  scripts: (dir) => openScriptStore(dir),
  results: (dir) => openCacheFile(dir),
  images: (dir) => diskImageStore(dir),
}

/** The dependencies of a build: defaults for what `partial` leaves out. */
export function buildDeps(partial: Partial<BuildDeps> = {}): BuildDeps {
  return {
    fs: nodeFs,
    cwd: process.cwd(),
    templatesDir: bundledTemplatesDir,
    parallel: 'auto',
    output: createDiskWriter,
    stores: diskStores,
    scriptFiles: diskScriptFiles,
    now: () => new Date(),
    ...partial,
  }
}

/** Databases that live as long as this object: one of each, whose close() does nothing. */
export function memoryStores(): Stores {
  const cache = openCacheDb('', ':memory:')
  const scripts = openScriptStore('', ':memory:')
  const results = openCacheFile('', ':memory:')
  const images = memoryImageStore()
  return {
    cache: () => ({ ...cache, close: () => {} }),
    scripts: () => ({ ...scripts, close: () => {} }),
    results: () => ({ ...results, close: () => {} }),
    images: () => images,
  }
}

/**
 * A build that reads a site from `fs` and writes into `writer` (returned too), touching no
 * disk: no render worker (it writes on its own thread), SQLite in memory.
 */
export function memoryDeps(
  fs: MemoryFs,
  partial: Partial<BuildDeps> = {},
): BuildDeps & { writer: MemoryWriter } {
  const writer = createMemoryWriter(fs.readSync)
  return {
    ...buildDeps({
      fs,
      cwd: '/',
      parallel: false,
      output: () => writer,
      stores: memoryStores(),
      scriptFiles: memoryScriptFiles(fs),
      ...partial,
    }),
    writer,
  }
}
