// The versioned wire with the real parts: the shipped sandbox child (started as production
// starts it) and the real Pyodide worker refuse messages of another wire version and the
// child refuses probes; a build whose sandbox speaks another version or sends malformed
// replies still writes the site and names the problem at each macro. (Issue 13, item 5.)

import type { ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Piscina } from 'piscina'
import { afterAll, describe, expect, it } from 'vitest'
import { build } from '../../src/index.js'
import { harnessSources } from '../../src/python/harness.js'
import { pythonWorkerFile } from '../../src/python/paths.js'
import { launchChild } from '../../src/python/sandbox/launch.js'
import { detectOsLayer } from '../../src/python/sandbox/os-layer.js'
import { PROBE_ARG } from '../../src/python/sandbox/protocol.js'
import { pyodideEntry, readSnapshot, snapshotFile } from '../../src/python/snapshot.js'
import { WIRE_VERSION } from '../../src/python/wire.js'
import { exitOf, within } from '../helpers/events.js'
import { fakeSandboxHost, type Scenario } from '../helpers/fake-sandbox.js'
import { testCacheDir } from '../helpers/python.js'
import { inlineSite } from '../helpers/site.js'

const v = WIRE_VERSION

/** Every message a child sends, kept in order; `next` waits for the first that matches. */
function inbox(child: ChildProcess) {
  const seen: Record<string, unknown>[] = []
  const waiters: (() => void)[] = []
  child.on('message', (m: Record<string, unknown>) => {
    seen.push(m)
    for (const wake of waiters.splice(0)) wake()
  })
  const find = (test: (m: Record<string, unknown>) => boolean) => seen.find(test)
  return {
    seen,
    async next(test: (m: Record<string, unknown>) => boolean, what: string) {
      const waiting = async () => {
        while (!find(test)) await new Promise<void>((wake) => waiters.push(wake))
        return find(test) as Record<string, unknown>
      }
      return within(waiting(), what)
    },
  }
}

describe('the shipped sandbox child', () => {
  const layer = detectOsLayer()
  const child = launchChild(layer)
  const messages = inbox(child)
  const reply = (id: number) => messages.next((m) => m.t === 'res' && m.id === id, `reply ${id}`)
  afterAll(async () => {
    child.kill('SIGKILL')
    await exitOf(child)
    layer.cleanup()
  })

  it('says hello in this wire version and was started without the probe hook', async () => {
    expect(await messages.next((m) => m.t === 'hello', 'hello')).toMatchObject({ v })
    expect(child.spawnargs).not.toContain(PROBE_ARG)
  })

  it('refuses requests of another wire version, or of none, with the wire code', async () => {
    child.send({ t: 'req', id: 1, op: 'start', v: v + 1 })
    child.send({ t: 'req', id: 2, op: 'start' })
    for (const [id, sent] of [
      [1, `${v + 1}`],
      [2, 'none'],
    ] as const) {
      expect(await reply(id)).toMatchObject({
        v,
        ok: false,
        code: 'BDS_PYTHON_WIRE_VERSION',
        message: `The Python sandbox speaks wire version ${v} but was sent version ${sent}: bds and its sandbox come from different builds.`,
      })
    }
  })

  it('drops other messages of another version: only the right ping gets its pong', async () => {
    child.send({ t: 'ping', n: 10, v: v + 1 })
    child.send({ t: 'ping', n: 11, v })
    await messages.next((m) => m.t === 'pong' && m.n === 11, 'pong 11')
    expect(messages.seen.filter((m) => m.t === 'pong')).toEqual([{ t: 'pong', n: 11, v }])
  })

  it('refuses a probe: the test hook is not in the production path', async () => {
    child.send({ t: 'req', id: 3, op: 'probe', source: 'process.pid', v })
    expect(await reply(3)).toMatchObject({
      ok: false,
      message: 'this sandbox child takes no probes',
    })
    const source = readFileSync(join(pythonWorkerFile, '../../sandbox/child.js'), 'utf8')
    expect(source).not.toContain('runInThisContext')
  })
})

describe('the real Pyodide worker', () => {
  const start = { ...harnessSources(), memoryBytes: 256 * 2 ** 20, pyodideEntry: pyodideEntry() }
  const pools: Piscina[] = []
  afterAll(() => Promise.all(pools.map((p) => p.destroy())))
  const pool = (workerData: Record<string, unknown>) => {
    const made = new Piscina({ filename: pythonWorkerFile, maxThreads: 1, workerData })
    pools.push(made)
    return made
  }

  it('started with data of another wire version, refuses every task', async () => {
    const refused = await pool({ ...start, v: v + 1 }).run({ v, kind: 'ping' })
    expect(refused).toEqual({
      v,
      kind: 'refused',
      message: `the Python worker speaks wire version ${v} but its start data has version ${v + 1}`,
    })
  })

  it('refuses a task of another wire version and serves one of its own', async () => {
    const snapshot = readSnapshot(snapshotFile(testCacheDir, harnessSources()))
    const worker = pool({ ...start, snapshot, v })
    expect(await worker.run({ v: v + 1, kind: 'ping' })).toMatchObject({
      v,
      kind: 'refused',
      message: `the Python worker speaks wire version ${v} but its task has version ${v + 1}`,
    })
    expect(await worker.run({ v, kind: 'ping' })).toMatchObject({ v, kind: 'ping' })
  })
})

const SITE = `-- bds.config.json --
{ "title": "Wire", "url": "https://wire.example" }
-- posts/plain.md --
---
title: Plain
date: 2024-05-01
---
No macros here.
-- posts/macro.md --
---
title: Macro
date: 2024-05-02
---
Before [[hello]] after.
-- scripts/hello.py --
"""
---
slug: "hello"
title: "Hello"
kind: "macro"
---
"""
def render(context):
    return "<b>hello</b>"
`

async function buildWith(...scenarios: Scenario[]) {
  const root = inlineSite(SITE)
  const { host } = fakeSandboxHost(...scenarios)
  try {
    const report = await build({ root }, { python: () => host, parallel: false })
    const page = (path: string) => readFileSync(join(root, 'dist', path, 'index.html'), 'utf8')
    return { report, page }
  } finally {
    await host.stop()
  }
}

describe('a build keeps going when the wire breaks', () => {
  it('a sandbox of another wire version: every Python macro is reported, the site is written', async () => {
    const { report, page } = await buildWith({ v: v + 1 })
    const python = report.diagnostics.filter((d) => d.code === 'BDS_PYTHON_START')
    expect(python.map((d) => `${d.file}:${d.line}:${d.column}`)).toEqual(['posts/macro.md:5:8'])
    expect(python[0]?.message).toContain(`The Python sandbox speaks wire version ${v + 1}`)
    expect(page('2024/05/01/plain')).toContain('No macros here.')
    expect(page('2024/05/02/macro')).toContain('Before  after.')
  })

  it('a sandbox that sends a malformed run reply: the macro fails, the page renders', async () => {
    const malformed = { value: { results: [] } }
    const { report, page } = await buildWith({ replies: { run: Array(10).fill(malformed) } })
    const failed = report.diagnostics.filter((d) => d.code === 'BDS_MACRO_FAILED')
    expect(failed.map((d) => `${d.file}:${d.line}:${d.column}`)).toEqual(['posts/macro.md:5:8'])
    expect(failed[0]?.message).toContain('The Python sandbox sent an invalid reply: run:')
    expect(page('2024/05/02/macro')).toContain('Before  after.')
  })

  it('the same build with a well-behaved sandbox renders the macro', async () => {
    const { report, page } = await buildWith({})
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(page('2024/05/02/macro')).toContain('Before fake after.')
  })
})
