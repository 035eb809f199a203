// The pool's side of the worker wire: every reply is checked for the worker's wire version,
// a refusal and the fields of its kind (readWorkerReply), and a real Piscina pool with a
// stand-in worker shows start data and tasks go out stamped and a peer of another version
// is refused with BDS_PYTHON_WIRE_VERSION. (Issue 13, item 5.)

import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createPoolHost, type PoolHost } from '../../../src/python/pool.js'
import { WIRE_VERSION } from '../../../src/python/wire.js'
import { readWorkerReply } from '../../../src/python/worker-reply.js'
import { script } from '../../helpers/python.js'
import { tempDir } from '../../helpers/site.js'

const v = WIRE_VERSION

describe('readWorkerReply', () => {
  const ping = { v, kind: 'ping', threadId: 1, bootMs: 2, snapshot: true }

  it('passes a reply of this version with the fields of its kind', () => {
    expect(readWorkerReply(ping, 'ping')).toBe(ping)
    const run = { v, kind: 'run', threadId: 1, results: '[]', recycle: false, heapBytes: 9 }
    expect(readWorkerReply(run, 'run')).toBe(run)
  })

  it.each([
    [{ ...ping, v: v + 1 }, 'BDS_PYTHON_WIRE_VERSION', `speaks wire version ${v + 1}`],
    [{ ...ping, v: undefined }, 'BDS_PYTHON_WIRE_VERSION', 'speaks no wire version'],
    [
      { v, kind: 'refused', message: 'its task has version 7' },
      'BDS_PYTHON_WIRE_VERSION',
      'refused the task: its task has version 7',
    ],
    [{ ...ping, kind: 'check' }, 'BDS_PYTHON_WIRE_REPLY', 'a check reply to a ping task'],
    [{ ...ping, snapshot: 'yes' }, 'BDS_PYTHON_WIRE_REPLY', 'its ping reply has no snapshot'],
    [{ ...ping, threadId: undefined }, 'BDS_PYTHON_WIRE_REPLY', 'has no threadId'],
    [null, 'BDS_PYTHON_WIRE_REPLY', 'no ping reply'],
  ])('refuses %j with %s', (reply, code, says) => {
    const error = readWorkerReply(reply, 'ping')
    expect(error).toMatchObject({ code })
    expect((error as Error).message).toContain(says)
  })
})

/** A stand-in worker that speaks `version` and refuses start data and tasks of any other. */
function workerFile(version: number, replies: Record<string, unknown> = {}): string {
  const file = join(tempDir('bds-worker-wire-'), 'worker.cjs')
  writeFileSync(
    file,
    `const { workerData, threadId } = require('node:worker_threads')
const replies = ${JSON.stringify(replies)}
module.exports = (task) => {
  const v = ${version}
  if (workerData.v !== v || task.v !== v)
    return { v, kind: 'refused', message: 'sent ' + workerData.v + '/' + task.v }
  if (replies[task.kind]) return { v, threadId, ...replies[task.kind] }
  if (task.kind === 'ping') return { v, kind: 'ping', threadId, bootMs: 0, snapshot: false }
  if (task.kind === 'check') return { v, kind: 'check', threadId, results: '[{"ok": true, "functions": ["f"]}]' }
  const results = JSON.stringify([{ ms: 1, r: { ok: true, value: 'ran' } }])
  return { v, kind: 'run', threadId, results, recycle: false, heapBytes: 0 }
}
`,
  )
  return file
}

const pools: PoolHost[] = []
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.stop()))
})

function pool(file: string): PoolHost {
  const host = createPoolHost(
    { workers: 1, timeoutMs: 1000, memoryMiB: 64 },
    {
      workerFile: file,
      pyodideEntry: '',
      harness: { harness: '', harden: '' },
      snapshot: async () => undefined,
      rejectSnapshot: () => {},
    },
  )
  pools.push(host)
  return host
}

const scripts = [{ file: 'scripts/a.py', source: '' }]

describe('a real pool and a stand-in worker', () => {
  it('stamps start data and every task: a worker of this version serves them all', async () => {
    const host = pool(workerFile(v))
    await host.start()
    expect(await host.check(scripts)).toEqual([
      { file: 'scripts/a.py', ok: true, functions: ['f'] },
    ])
    const [r] = await host.run([{ script: script('a', ''), args: [{}] }])
    expect(r).toMatchObject({ ok: true, value: 'ran' })
  })

  it('refuses a worker of another version at start, with what it said', async () => {
    const error = await pool(workerFile(v + 1))
      .start()
      .catch((e: Error & { code?: string }) => e)
    expect(error).toMatchObject({ code: 'BDS_PYTHON_WIRE_VERSION' })
    expect((error as Error).message).toContain(`speaks wire version ${v + 1}`)
  })

  it('refuses malformed check results; a malformed run reply fails its calls as data', async () => {
    const host = pool(
      workerFile(v, {
        check: { kind: 'check', results: '[{"ok": true}]' },
        run: { kind: 'run', results: '[]' },
      }),
    )
    const error = await host.check(scripts).catch((e: Error & { code?: string }) => e)
    expect(error).toMatchObject({ code: 'BDS_PYTHON_WIRE_REPLY' })
    expect((error as Error).message).toContain(
      'check: check result 0 has functions that are not names',
    )
    const [r] = await host.run([{ script: script('a', ''), args: [{}] }])
    expect(r?.error).toMatchObject({ kind: 'crash', type: 'WorkerError' })
    expect(r?.error?.message).toContain('its run reply has no recycle')
  })
})
