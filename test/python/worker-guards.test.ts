// What every Pyodide worker sets up before and after Pyodide loads, checked in a real worker
// thread: no network from JavaScript (require and import alike), no processes, capped wasm
// memory, and no reference left to the shared snapshot bytes after boot.

import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { harnessSources } from '../../src/python/harness.js'
import { pyodideEntry, readSnapshot, snapshotFile } from '../../src/python/snapshot.js'
import { testCacheDir, testHost } from '../helpers/python.js'
import { repoRoot } from '../helpers/site.js'

/** Runs `body` (an async function body) in a fresh worker thread; resolves with its result. */
function inWorker(body: string, workerData: unknown = {}): Promise<unknown> {
  const dist = join(repoRoot, 'dist/python/worker')
  const source = `
    const { parentPort, workerData } = await import('node:worker_threads')
    const guards = await import(${JSON.stringify(join(dist, 'guards.js'))})
    const boot = await import(${JSON.stringify(join(dist, 'boot.js'))})
    const result = await (async () => { ${body} })()
    parentPort.postMessage(result)`
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, { eval: true, workerData, type: 'module' } as never)
    worker.once('message', (m) => {
      resolve(m)
      void worker.terminate()
    })
    worker.once('error', reject)
  })
}

const code = (expr: string) =>
  `await (async () => { try { await ${expr}; return 'allowed' } catch (e) { return e.code ?? e.name } })()`

describe('worker guards', () => {
  it('leave no network: globals gone, modules refuse through require and import', async () => {
    const result = await inWorker(`
      guards.installGuards(256 * 2 ** 20)
      const { createRequire } = await import('node:module')
      const require = createRequire(import.meta.url)
      const net = await import('node:net')
      const dgram = await import('node:dgram')
      return {
        globals: ['fetch', 'WebSocket', 'EventSource', 'XMLHttpRequest'].map((n) => typeof globalThis[n]),
        required: ${code("require('node:net').connect(80, '127.0.0.1')")},
        imported: ${code("net.connect(80, '127.0.0.1')")},
        socket: ${code("new net.Socket().connect(80, '127.0.0.1')")},
        udp: ${code('dgram.createSocket("udp4")')},
        dns: ${code("(await import('node:dns')).promises.lookup('localhost')")},
        http: ${code("(await import('node:http')).get('http://127.0.0.1/')")},
        builtin: ${code("process.getBuiltinModule('https').request('https://127.0.0.1/')")},
      }`)
    expect(result).toEqual({
      globals: ['undefined', 'undefined', 'undefined', 'undefined'],
      required: 'ERR_BDS_BLOCKED',
      imported: 'ERR_BDS_BLOCKED',
      socket: 'ERR_BDS_BLOCKED',
      udp: 'ERR_BDS_BLOCKED',
      dns: 'ERR_BDS_BLOCKED',
      http: 'ERR_BDS_BLOCKED',
      builtin: 'ERR_BDS_BLOCKED',
    })
  })

  it('start no process and cap wasm memory', async () => {
    const canary = join(mkdtempSync(join(tmpdir(), 'bds-guard-')), 'CANARY')
    const result = (await inWorker(`
      guards.installGuards(64 * 2 ** 20)
      const spawned = process.getBuiltinModule('child_process').spawnSync('sh', ['-c', 'touch ${canary}'])
      const memory = new WebAssembly.Memory({ initial: 1 })
      let grown = 'allowed'
      try { memory.grow(2000) } catch (e) { grown = e.name }
      return { status: spawned.status, grown }`)) as { status: number; grown: string }
    expect(result).toEqual({ status: 127, grown: 'RangeError' })
    expect(existsSync(canary)).toBe(false)
  })

  it('drop the snapshot reference after booting from it', async () => {
    const host = testHost({ workers: 1 })
    await host.start() // makes the test snapshot if it is missing
    await host.stop()
    const snapshot = readSnapshot(snapshotFile(testCacheDir, harnessSources()))
    expect(snapshot).toBeDefined()
    const result = await inWorker(
      `
      guards.installGuards(512 * 2 ** 20)
      const booted = await boot.boot(workerData)
      return { fromSnapshot: booted.fromSnapshot, kept: booted.py._api.config._loadSnapshot !== undefined }`,
      { ...harnessSources(), snapshot, pyodideEntry: pyodideEntry() },
    )
    expect(result).toEqual({ fromSnapshot: true, kept: false })
  })
})
