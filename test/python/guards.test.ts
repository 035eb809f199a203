// Guard rails through real Pyodide workers: timeouts (soft interrupt and hard replacement),
// the memory cap, recursion, and probes of the ways out to the host that the worker blocks.

import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PythonHost } from '../../src/python/index.js'
import { call, py, script, testHost } from '../helpers/python.js'

let host: PythonHost
const ok = script('ok', py('def render(c):', '    return "fine"'))

// Only the timeout tests may meet a timeout: on a loaded machine a 1 s limit also stops a
// slow MemoryError or RecursionError, and the test would see a timeout instead.
beforeAll(async () => {
  host = testHost({ workers: 1, timeoutMs: 120_000, memoryMiB: 256 })
  await host.start()
})
afterAll(() => host.stop())

describe('timeouts', () => {
  let quick: PythonHost
  beforeAll(async () => {
    quick = testHost({ workers: 1, timeoutMs: 1000, memoryMiB: 256 })
    await quick.start()
  })
  afterAll(() => quick.stop())

  it('interrupts an endless loop, keeps the worker and runs the rest of the batch', async () => {
    const spin = script('spin', py('def render(c):', '    while True:', '        pass'))
    const restarts = quick.counters().workerRestarts
    const [first, stuck, after] = await quick.run([
      { script: ok, args: [{ n: 1 }] },
      { script: spin, args: [{}] },
      { script: ok, args: [{ n: 2 }] },
    ])
    expect(first?.value).toBe('fine')
    expect(stuck?.error).toMatchObject({ kind: 'timeout', type: 'KeyboardInterrupt', line: 3 })
    expect(after?.value).toBe('fine')
    expect(quick.counters().workerRestarts).toBe(restarts)
    expect((await call(quick, ok, { n: 3 })).value).toBe('fine')
  })

  it('replaces the worker when the script swallows the interrupt', async () => {
    const stubborn = script(
      'stubborn',
      py(
        'def render(c):',
        '    while True:',
        '        try:',
        '            while True: pass',
        '        except BaseException:',
        '            pass',
      ),
    )
    const restarts = quick.counters().workerRestarts
    const [before, stuck, after] = await quick.run([
      { script: ok, args: [{ k: 1 }] },
      { script: stubborn, args: [{}] },
      { script: ok, args: [{ k: 2 }] },
    ])
    expect(stuck?.error).toMatchObject({ kind: 'timeout', type: 'TimeoutError' })
    expect([before?.value, after?.value]).toEqual(['fine', 'fine'])
    expect(quick.counters().workerRestarts).toBe(restarts + 1)
    expect((await call(quick, ok, { k: 3 })).value).toBe('fine')
  })

  it('a call stopped while bds reports its error is a timeout, and its worker is replaced', async () => {
    // The exception's text never ends, so the interrupt lands in the harness formatting it.
    const slow = script(
      'slow',
      py(
        'class Slow(Exception):',
        '    def __str__(self):',
        '        while True:',
        '            pass',
        'def render(c):',
        '    raise Slow()',
      ),
    )
    const restarts = quick.counters().workerRestarts
    const [stuck, after] = await quick.run([
      { script: slow, args: [{}] },
      { script: ok, args: [{ s: 1 }] },
    ])
    expect(stuck?.error).toMatchObject({ kind: 'timeout', type: 'TimeoutError' })
    expect(after?.value).toBe('fine')
    expect(quick.counters().workerRestarts).toBe(restarts + 1)
  })
})

describe('memory and recursion', () => {
  it('stops a memory bomb with MemoryError and replaces the bloated worker', async () => {
    const bomb = script(
      'bomb',
      py(
        'def render(c):',
        '    x = []',
        '    while True:',
        '        x.append(bytearray(8 * 1024 * 1024))',
      ),
    )
    const restarts = host.counters().workerRestarts
    const r = await call(host, bomb, {})
    expect(r.error).toMatchObject({ kind: 'memory', type: 'MemoryError' })
    expect(host.counters().workerRestarts).toBe(restarts + 1)
    expect((await call(host, ok, { m: 1 })).value).toBe('fine')
  })

  it('turns runaway recursion into RecursionError, even after raising the limit', async () => {
    const deep = script(
      'deep',
      py(
        'import sys',
        'sys.setrecursionlimit(10**7)',
        'def f(n):',
        '    return f(n + 1)',
        'def render(c):',
        '    return f(0)',
      ),
    )
    const r = await call(host, deep, {})
    expect(r.error).toMatchObject({ kind: 'exception', type: 'RecursionError' })
    expect((await call(host, ok, { r: 1 })).value).toBe('fine')
  })

  /** A script that dumps `depth` nested lists as JSON: recursion in C, not in Python. */
  const nested = (depth: number) =>
    script(
      `nested${depth}`,
      py(
        'import json',
        'def render(c):',
        '    x = []',
        `    for _ in range(${depth}):`,
        '        x = [x]',
        '    return len(json.dumps(x))',
      ),
    )

  it('handles nested data well within the thread stack', async () => {
    const r = await call(host, nested(10_000), {})
    expect(r.value).toBe(20_002)
  })

  it('survives C-level recursion deeper than any thread stack: a crash, a new worker, the batch goes on', async () => {
    // No C-level recursion limit in Pyodide stops this (measured: 50,000 levels pass); a
    // million levels always exhausts the worker's 32 MB stack, so only the crash path is open.
    const restarts = host.counters().workerRestarts
    const [r, next] = await host.run([
      { script: nested(1_000_000), args: [{}] },
      { script: ok, args: [{ r: 2 }] },
    ])
    expect(r?.error).toMatchObject({ kind: 'crash', type: 'FatalError' })
    expect(next?.value).toBe('fine')
    expect(host.counters().workerRestarts).toBe(restarts + 1)
    expect((await call(host, ok, { r: 3 })).value).toBe('fine')
  })
})

describe('ways out to the host are blocked', () => {
  const probe = (name: string, ...body: string[]) =>
    script(name, py('def render(c):', ...body.map((l) => `    ${l}`)))

  it.each([
    ['js'],
    ['pyodide_js'],
    ['pyodide'],
    ['pyodide.ffi'],
    ['_pyodide_core'],
    ['ctypes'],
    ['subprocess'],
    ['socket'],
    ['select'],
  ])('import %s is refused by the import blocker', async (module) => {
    const r = await call(host, probe(`imp_${module.replace('.', '_')}`, `import ${module}`), {})
    const top = module.split('.')[0]
    expect(r.error).toMatchObject({
      type: 'ImportError',
      message: `bds: module '${top}' is not available to scripts (no JavaScript, processes or network)`,
    })
  })

  it('os.system runs nothing and returns the shell-not-found status', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bds-canary-'))
    const canary = join(dir, 'CANARY')
    const r = await call(
      host,
      probe('system', 'import os', `return os.system("touch ${canary}")`),
      {},
    )
    expect(r.value).toBe(32512)
    expect(existsSync(canary)).toBe(false)
  })

  it('sees neither the host environment nor host files', async () => {
    const secret = `s3cret-${process.pid}-${Date.now()}`
    process.env.BDS_TEST_SECRET = secret
    const dir = mkdtempSync(join(tmpdir(), 'bds-secret-'))
    const file = join(dir, 'secret.txt')
    writeFileSync(file, secret)
    const r = await call(
      host,
      probe(
        'peek',
        'import os',
        'found = []',
        'for path in (%r, "/etc/passwd", "/proc/self/environ"):'.replace(
          '%r',
          JSON.stringify(file),
        ),
        '    try:',
        '        found.append(open(path).read())',
        '    except OSError as e:',
        '        found.append(type(e).__name__)',
        'return {"env": dict(os.environ), "files": found, "root": sorted(os.listdir("/"))}',
      ),
      {},
    )
    expect(JSON.stringify(r.value)).not.toContain(secret)
    const value = r.value as { env: Record<string, string>; files: string[]; root: string[] }
    expect(value.env.BDS_TEST_SECRET).toBeUndefined()
    expect(value.files).toEqual(['FileNotFoundError', 'FileNotFoundError', 'FileNotFoundError'])
    expect(value.root).not.toContain('work')
    delete process.env.BDS_TEST_SECRET
  })

  it('has no JavaScript globals or processes reachable through sys.modules', async () => {
    const r = await call(
      host,
      probe(
        'mods',
        'import sys',
        'return sorted(m for m in sys.modules if m.split(".")[0] in ("js", "pyodide_js", "pyodide", "ctypes", "subprocess"))',
      ),
      {},
    )
    expect(r.value).toEqual([])
  })
})
