// The main process's side of the sandbox wire, against a fake child that breaks it: a child
// of another wire version (or none) is refused as a whole with BDS_PYTHON_WIRE_VERSION, and a
// reply that is not what its request asks for with BDS_PYTHON_WIRE_REPLY; either way the host
// keeps working with the next child or the next reply. (Issue 13, item 5.)

import type { ChildProcess } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { isBdsError } from '../../../src/errors/index.js'
import type { SandboxHost } from '../../../src/python/sandbox/host.js'
import { WIRE_VERSION } from '../../../src/python/wire.js'
import { exitOf } from '../../helpers/events.js'
import { fakeSandboxHost } from '../../helpers/fake-sandbox.js'
import { script } from '../../helpers/python.js'

const hello = script('hello', 'def render(c):\n    return "hi"\n')
const stopping: SandboxHost[] = []
afterEach(async () => {
  await Promise.all(stopping.splice(0).map((h) => h.stop()))
})

function fake(...scenarios: Parameters<typeof fakeSandboxHost>) {
  const made = fakeSandboxHost(...scenarios)
  stopping.push(made.host)
  return made
}

/** The error a promise rejects with (fails the test when it resolves). */
async function rejection(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  const outcome = await promise.then(
    () => new Error('expected a rejection'),
    (error: Error) => ({ error }),
  )
  if (outcome instanceof Error) throw outcome
  return outcome.error
}

describe('a child of another wire version is refused', () => {
  it.each([
    [WIRE_VERSION + 1, `speaks wire version ${WIRE_VERSION + 1}`],
    [null, 'speaks no wire version'],
  ])(
    'version %s: start fails with BDS_PYTHON_WIRE_VERSION and the child is ended',
    async (v, says) => {
      const { host, children } = fake({ v }, { v })
      const error = await rejection(host.start())
      expect(isBdsError(error)).toBe(true)
      expect(error.code).toBe('BDS_PYTHON_WIRE_VERSION')
      expect(error.message).toBe(
        `The Python sandbox ${says}, but this bds speaks wire version ${WIRE_VERSION}: they come from different builds of bds, so nothing was sent to it.`,
      )
      await exitOf(children[0] as ChildProcess)
      expect(children[0]?.signalCode).toBe('SIGKILL')
      // A call after it starts a new child, is refused the same way, and fails as data.
      const [result] = await host.run([{ script: hello, args: [{}] }])
      expect(result?.error).toMatchObject({ kind: 'crash', type: 'SandboxError' })
      expect(result?.error?.message).toContain('this bds speaks wire version')
      expect(children).toHaveLength(2)
    },
  )

  it('a reply of another version mid-session fails the open call; the next child serves', async () => {
    const wrong = { t: 'res', ok: true, value: '{}', v: WIRE_VERSION + 1 }
    const { host, children } = fake({ replies: { run: [{ message: wrong }] } })
    await host.start()
    const [refused] = await host.run([{ script: hello, args: [{ n: 1 }] }])
    expect(refused?.error?.message).toContain(`speaks wire version ${WIRE_VERSION + 1}`)
    await exitOf(children[0] as ChildProcess)
    const [next] = await host.run([{ script: hello, args: [{ n: 2 }] }])
    expect(next).toMatchObject({ ok: true, value: 'fake' })
    expect(children).toHaveLength(2)
  })

  it('a failure the child tags with a wire code keeps it; any other code is dropped', async () => {
    const tagged = (code: string) => ({
      message: { t: 'res', ok: false, message: 'told so', code, v: WIRE_VERSION },
    })
    const { host } = fake({
      replies: { check: [tagged('BDS_PYTHON_WIRE_VERSION'), tagged('BDS_INTERNAL')] },
    })
    const scripts = [{ file: 'scripts/a.py', source: '' }]
    const first = await rejection(host.check(scripts))
    expect([first.code, first.message]).toEqual(['BDS_PYTHON_WIRE_VERSION', 'told so'])
    const second = await rejection(host.check(scripts))
    expect([isBdsError(second), second.message]).toEqual([false, 'told so'])
  })
})

describe('a reply that is not what its request asks for is refused', () => {
  const counters = { calls: 0, errors: 0, timeouts: 0, workerRestarts: 0, startMs: 0 }
  const good = { ...counters, snapshot: false, workers: 1, byScript: {} }

  it.each([
    ['not JSON', { text: '{' }, 'start: it is not JSON'],
    ['counters with a text count', { value: { ...good, calls: 'many' } }, 'counters.calls'],
    ['counters without byScript timings', { value: { ...good, byScript: { a: 1 } } }, 'byScript'],
    ['counters that are a list', { value: [] }, 'not an object'],
    ['hops that are not times', { value: { ...good, hops: { callsMs: -1 } } }, 'counters.hops'],
  ])('start: %s — BDS_PYTHON_WIRE_REPLY, then a fresh child starts', async (_, reply, says) => {
    const { host, children } = fake({ replies: { start: [reply] } })
    const error = await rejection(host.start())
    expect(error.code).toBe('BDS_PYTHON_WIRE_REPLY')
    expect(error.message).toContain(says)
    await exitOf(children[0] as ChildProcess)
    await host.start()
    expect(children).toHaveLength(2)
    expect(host.counters().workers).toBe(1)
  })

  it.each([
    [
      'too few results',
      { value: { results: [], counters: good } },
      '1 results were expected, got 0',
    ],
    ['no counters', { value: { results: [{ ok: true, value: 1 }] } }, 'the counters are not'],
    ['not JSON', { text: 'nope' }, 'it is not JSON'],
    ['no value', { message: { t: 'res', ok: true, v: WIRE_VERSION } }, 'a reply without a value'],
  ])(
    'run: %s — the calls fail as data and the same child serves the next',
    async (_, reply, says) => {
      const { host, children } = fake({ replies: { run: [reply as never] } })
      const [bad] = await host.run([{ script: hello, args: [{ n: 1 }] }])
      expect(bad?.error).toMatchObject({ kind: 'crash', type: 'SandboxError' })
      expect(bad?.error?.message).toContain('The Python sandbox sent an invalid reply')
      expect(bad?.error?.message).toContain(says)
      const [next] = await host.run([{ script: hello, args: [{ n: 2 }] }])
      expect(next).toMatchObject({ ok: true, value: 'fake' })
      expect(children).toHaveLength(1)
    },
  )

  it('run: results are rebuilt field by field, whatever else the child puts in them', async () => {
    const evil = {
      ok: true,
      value: 'v',
      stdout: 1,
      logs: ['a', 2],
      reads: ['posts', {}],
      ms: 'x',
      extra: 'e',
    }
    const many = {
      ok: true,
      value: 'w',
      reads: Array.from({ length: 3000 }, (_, i) => `post:${i}`),
    }
    const results = [evil, many]
    const { host } = fake({ replies: { run: [{ value: { results, counters: good } }] } })
    const [r, s] = await host.run([
      { script: hello, args: [{}] },
      { script: hello, args: [{ n: 1 }] },
    ])
    expect(r).toEqual({
      ok: true,
      value: 'v',
      stdout: '',
      stderr: '',
      logs: ['a'],
      reads: ['posts'],
      ms: 0,
    })
    // Past MAX_READS a result stands for reading everything.
    expect(s?.reads).toEqual(['*'])
  })

  it.each([
    ['a missing result', []],
    ['functions that are not names', [{ ok: true, functions: [1] }]],
    ['an error without a line', [{ ok: false, functions: [], error: { message: 'x' } }]],
    ['parameter counts that are not counts', [{ ok: true, functions: [], params: { f: -1 } }]],
  ])('check: %s — BDS_PYTHON_WIRE_REPLY, and the next check works', async (_, value) => {
    const { host } = fake({ replies: { check: [{ value }] } })
    const scripts = [{ file: 'scripts/a.py', source: '' }]
    expect((await rejection(host.check(scripts))).code).toBe('BDS_PYTHON_WIRE_REPLY')
    expect(await host.check(scripts)).toEqual([
      { file: 'scripts/a.py', ok: true, functions: ['render'] },
    ])
  })

  it('check: the file name is the asker own, never the child', async () => {
    const value = [
      {
        file: '/etc/passwd',
        ok: false,
        functions: [],
        error: { message: 'm', line: 2, column: 3, x: 1 },
      },
    ]
    const { host } = fake({ replies: { check: [{ value }] } })
    expect(await host.check([{ file: 'scripts/a.py', source: '' }])).toEqual([
      {
        file: 'scripts/a.py',
        ok: false,
        functions: [],
        error: { message: 'm', line: 2, column: 3 },
      },
    ])
  })

  it('drops unsolicited and malformed messages of the right version and keeps working', async () => {
    const v = WIRE_VERSION
    const junk = [
      { t: 'res', id: 99999, ok: true, value: 'x', v },
      { t: 'out', id: 1, stream: 'stdout', text: { evil: true }, v },
      { t: 'nonsense', v },
      { t: 'pong', n: 'x', v },
      'garbage',
      null,
    ]
    const { host, children } = fake({ after: { start: junk } })
    await host.start()
    const [r] = await host.run([{ script: hello, args: [{}] }])
    expect(r?.value).toBe('fake')
    expect(children).toHaveLength(1)
  })
})
