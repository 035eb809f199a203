// The Pyodide memory snapshot: a bare interpreter plus the bds harness (never user code),
// made once by a throwaway worker and cached per user, keyed by the Pyodide version, a
// hash of its wasm and of the harness. Workers boot from it in ~0.3 s instead of ~2 s.

import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { pythonWorkerFile } from '../version.js'
import type { HarnessSources } from './harness.js'

const require = createRequire(import.meta.url)
const PYODIDE_DIR = dirname(require.resolve('pyodide/package.json'))
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

/** The cached snapshot in shared memory (one copy for every worker), or undefined. */
export function readSnapshot(file: string): SharedArrayBuffer | undefined {
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch {
    return undefined
  }
  const shared = new SharedArrayBuffer(bytes.length)
  new Uint8Array(shared).set(bytes)
  return shared
}

export function discardSnapshot(file: string): void {
  rmSync(file, { force: true })
}

/** Boots a throwaway worker that runs no user code and returns the snapshot bytes. */
export function makeSnapshot(harness: HarnessSources, memoryBytes: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(pythonWorkerFile, {
      workerData: { mode: 'snapshot', ...harness, memoryBytes },
      resourceLimits: { stackSizeMb: 16 },
      stdout: true,
      stderr: true,
    })
    worker.once('message', (reply: { ok: boolean; bytes?: Uint8Array; message?: string }) => {
      void worker.terminate()
      if (reply.ok && reply.bytes) resolve(reply.bytes)
      else reject(new Error(`could not make the Pyodide snapshot: ${reply.message}`))
    })
    worker.once('error', reject)
  })
}

/** Writes atomically, readable by this user only. A failure only costs the next start time. */
export function writeSnapshot(file: string, bytes: Uint8Array): boolean {
  const temp = `${file}.${process.pid}.tmp`
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
    writeFileSync(temp, bytes, { mode: 0o600 })
    renameSync(temp, file)
    return true
  } catch {
    rmSync(temp, { force: true })
    return false
  }
}
