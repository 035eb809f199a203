// The Pyodide memory snapshot: a bare interpreter plus the bds harness (never user code),
// made once by a throwaway worker and cached per user, keyed by the Pyodide version, a
// hash of its wasm and of the harness. Workers boot from it in ~0.3 s instead of ~2 s.

import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { homedir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import type { HarnessSources } from './harness.js'

const require = createRequire(import.meta.url)
const PYODIDE_DIR = dirname(require.resolve('pyodide/package.json'))

/** Pyodide's CommonJS entry, resolved here so workers never resolve modules themselves. */
export const pyodideEntry = (): string => require.resolve('pyodide')

/** Pyodide's install folder (the sandbox child may read it). */
export const pyodideDir = (): string => PYODIDE_DIR
export const PYODIDE_VERSION = (
  JSON.parse(readFileSync(join(PYODIDE_DIR, 'package.json'), 'utf8')) as { version: string }
).version

/** The user cache folder: $BDS_CACHE_DIR, else $XDG_CACHE_HOME/bds, else ~/.cache/bds. */
export function defaultCacheDir(): string {
  if (process.env.BDS_CACHE_DIR) return process.env.BDS_CACHE_DIR
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache')
  return join(base, 'bds')
}

let wasmHash: string | undefined
export function snapshotFile(cacheDir: string, harness: HarnessSources): string {
  wasmHash ??= createHash('sha256')
    .update(readFileSync(join(PYODIDE_DIR, 'pyodide.asm.wasm')))
    .digest('hex')
  const key = createHash('sha256')
    .update(wasmHash)
    .update(harness.harness)
    .update(harness.harden)
    .digest('hex')
    .slice(0, 16)
  return join(cacheDir, `pyodide-${PYODIDE_VERSION}-${key}.snapshot`)
}

/** The cached snapshot's bytes, or undefined. */
export function readSnapshotBytes(file: string): Uint8Array | undefined {
  try {
    return readFileSync(file)
  } catch {
    return undefined
  }
}

/** The cached snapshot in shared memory (one copy for every worker), or undefined. */
export function readSnapshot(file: string): SharedArrayBuffer | undefined {
  const bytes = readSnapshotBytes(file)
  if (!bytes) return undefined
  const shared = new SharedArrayBuffer(bytes.length)
  new Uint8Array(shared).set(bytes)
  return shared
}

export function discardSnapshot(file: string): void {
  rmSync(file, { force: true })
}

/**
 * Writes atomically, readable by this user only, and removes the snapshots of other Pyodide
 * or harness versions (30 MiB each). A failure only costs the next start time.
 */
export function writeSnapshot(file: string, bytes: Uint8Array): boolean {
  const temp = `${file}.${process.pid}.tmp`
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
    writeFileSync(temp, bytes, { mode: 0o600 })
    renameSync(temp, file)
    for (const name of readdirSync(dirname(file))) {
      if (/^pyodide-.*\.snapshot$/.test(name) && name !== basename(file)) {
        rmSync(join(dirname(file), name), { force: true })
      }
    }
    return true
  } catch {
    rmSync(temp, { force: true })
    return false
  }
}
