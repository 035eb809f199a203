// The Python pool through real Pyodide in real worker threads: calling conventions, module
// isolation, the compile cache, output capture, the bds module, batching and counters.

import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { FieldsArgument, type PythonHost } from '../../src/python/index.js'
import { call, py, script, testHost } from '../helpers/python.js'

let host: PythonHost

beforeAll(async () => {
  host = testHost()
  await host.start()
})
afterAll(() => host.stop())

describe('calling conventions', () => {
  it('passes context and post and returns JSON data', async () => {
    const s = script('echo', py('def render(context, post):', '    return [context, post]'))
    const r = await call(host, s, { params: { n: 1, ok: true, s: '1' } }, { title: 'T' })
    expect(r.ok).toBe(true)
    expect(r.value).toEqual([{ params: { n: 1, ok: true, s: '1' } }, { title: 'T' }])
    expect(typeof r.ms).toBe('number')
  })

  it('calls a one-parameter entrypoint with the context only', async () => {
    const s = script('one', py('def render(context):', '    return context["params"]["x"] * 2'))
    expect((await call(host, s, { params: { x: 21 } }, null)).value).toBe(42)
  })

  it('awaits an async entrypoint, including awaits of other coroutines', async () => {
    const s = script(
      'later',
      py(
        'async def twice(x):',
        '    return x * 2',
        'async def render(context, post):',
        '    return {"html": str(await twice(context["n"]))}',
      ),
    )
    expect((await call(host, s, { n: 4 }, null)).value).toEqual({ html: '8' })
  })

  it('reports an async entrypoint that yields something other than a future as an error', async () => {
    const s = script(
      'sleepy',
      py(
        'class Later:',
        '    def __await__(self):',
        '        yield 1',
        'async def render(c):',
        '    await Later()',
      ),
    )
    const r = await call(host, s, {})
    expect(r.error).toMatchObject({ kind: 'exception', type: 'RuntimeError' })
    expect(r.error?.message).toContain('Task got bad yield')
  })

  it('checks count each function its positional parameters (open with a decorator or *args)', async () => {
    // #16: a one-parameter entrypoint never gets the post, so the build cache keys it without one.
    const [r] = await host.check([
      {
        file: 'scripts/n.py',
        source: py(
          'import functools',
          'def one(context): pass',
          'async def two(context, post=None): pass',
          'def many(*args): pass',
          '@functools.cache',
          'def wrapped(context): pass',
          'def one(a, b, /, c): pass',
        ),
      },
    ])
    expect(r?.params).toEqual({ one: 3, two: 2, many: null, wrapped: null })
  })

  it('names a missing entrypoint and the functions the script has', async () => {
    const s = script('nope', py('def helper():', '    pass'), { entrypoint: 'render' })
    const r = await call(host, s, {})
    expect(r.error).toMatchObject({ kind: 'missing' })
    expect(r.error?.message).toBe(
      'scripts/nope.py has no function render() (top-level functions: helper)',
    )
  })

  it('reports an exception with the script file, line and traceback', async () => {
    const s = script('boom', py('def render(c):', '    x = {}', '    return x["missing"]'))
    const r = await call(host, s, {})
    expect(r.ok).toBe(false)
    expect(r.error).toMatchObject({
      kind: 'exception',
      type: 'KeyError',
      message: "'missing'",
      line: 3,
    })
    expect(r.error?.traceback).toContain('File "scripts/boom.py", line 3, in render')
    expect(r.error?.traceback).toContain('return x["missing"]')
    expect(r.error?.traceback).not.toContain('bds harness')
  })

  it('reports an error at the top level of a script at its line', async () => {
    const s = script('top', py('import nosuchmodule', 'def render(c):', '    return 1'))
    const r = await call(host, s, {})
    expect(r.error).toMatchObject({ kind: 'exception', type: 'ModuleNotFoundError', line: 1 })
  })

  it('refuses a return value that is not JSON data', async () => {
    const s = script('obj', py('def render(c):', '    return object()'))
    const r = await call(host, s, {})
    expect(r.error).toMatchObject({ kind: 'output' })
    expect(r.error?.message).toContain('not JSON')
  })
})

describe('scripts and their module namespaces', () => {
  it('keeps two scripts that define the same global apart', async () => {
    const a = script('a', py('NAME = "a"', 'def render(c):', '    return NAME'))
    const b = script('b', py('NAME = "b"', 'def render(c):', '    return NAME'))
    const results = await host.run([
      { script: a, args: [{}] },
      { script: b, args: [{}] },
      { script: a, args: [{ again: 1 }] },
    ])
    expect(results.map((r) => r.value)).toEqual(['a', 'b', 'a'])
  })

  it('compiles a script once per version: state survives calls, an edit starts afresh', async () => {
    const v1 = script(
      'count',
      py('n = 0', 'def render(c):', '    global n', '    n += 1', '    return n'),
      { id: 'c1' },
    )
    const solo = testHost({ workers: 1 })
    try {
      await solo.start()
      expect((await call(solo, v1, { k: 1 })).value).toBe(1)
      expect((await call(solo, v1, { k: 2 })).value).toBe(2)
      const v2 = script(
        'count',
        py('n = 100', 'def render(c):', '    global n', '    n += 1', '    return n'),
        { id: 'c1' },
      )
      expect(v2.hash).not.toBe(v1.hash)
      expect((await call(solo, v2, { k: 3 })).value).toBe(101)
    } finally {
      await solo.stop()
    }
  })
})

describe('output', () => {
  it('captures stdout and stderr per call, never leaking into the next call', async () => {
    const s = script(
      'talk',
      py(
        'import sys',
        'def render(c):',
        '    print("out", c["i"], end="")',
        '    print("err", c["i"], file=sys.stderr)',
        '    return c["i"]',
      ),
    )
    const [one, two] = await host.run([
      { script: s, args: [{ i: 1 }] },
      { script: s, args: [{ i: 2 }] },
    ])
    expect([one?.stdout, one?.stderr]).toEqual(['out 1', 'err 1\n'])
    expect([two?.stdout, two?.stderr]).toEqual(['out 2', 'err 2\n'])
  })

  it('cuts captured output at 64 KiB and refuses results over 4 MiB', async () => {
    const loud = script('loud', py('def render(c):', '    print("x" * 200000)', '    return 1'))
    const r = await call(host, loud, {})
    expect(r.ok).toBe(true)
    expect(r.stdout.length).toBeLessThan(70000)
    expect(r.stdout).toContain('[bds: output cut at 65536 characters]')
    const big = script('big', py('def render(c):', '    return "y" * (5 * 1024 * 1024)'))
    expect((await call(host, big, {})).error).toMatchObject({
      kind: 'output',
      type: 'OutputTooLarge',
    })
  })

  it('streams output in order when asked (bds scripts run)', async () => {
    const s = script(
      'lines',
      py('def main(args):', '    for i in range(3):', '        print("line", i)', '    return 0'),
      { entrypoint: 'main' },
    )
    const seen: string[] = []
    const [r] = await host.run([{ script: s, args: [[]] }], {
      onOutput: (_, text) => seen.push(text),
    })
    expect(r?.ok).toBe(true)
    expect(seen.join('')).toBe('line 0\nline 1\nline 2\n')
  })
})

describe('the bds module', () => {
  it('shows the site data read-only', async () => {
    host.setSiteData({
      config: { title: 'Site' },
      posts: [{ slug: 'one', title: 'One', url: '/2024/01/01/one/', tags: ['a'] }],
      tags: [{ name: 'a', url: '/tag/a/', count: 1 }],
      categories: [],
    })
    const s = script(
      'site',
      py(
        'import bds',
        'def render(c):',
        '    errors = []',
        '    for change in (lambda: bds.config().update(title="x"), lambda: bds.posts()[0].__setitem__("title", "x"), lambda: bds.posts().append(1)):',
        '        try:',
        '            change()',
        '        except (TypeError, AttributeError) as e:',
        '            errors.append(type(e).__name__)',
        '    bds.log("looked at", len(bds.posts()), "posts")',
        '    return {"title": bds.config()["title"], "post": bds.post("one")["title"], "url": bds.url_for("one"),',
        '            "missing": bds.post("nope"), "tags": [t["name"] for t in bds.tags()], "errors": errors}',
      ),
    )
    const r = await call(host, s, {})
    expect(r.value).toEqual({
      title: 'Site',
      post: 'One',
      url: '/2024/01/01/one/',
      missing: null,
      tags: ['a'],
      errors: ['TypeError', 'TypeError', 'AttributeError'],
    })
    expect(r.logs).toEqual(['looked at 1 posts'])
  })

  it('gives the data files read-only and reports which names each call read', async () => {
    host.setSiteData({
      config: {},
      posts: [],
      tags: [],
      categories: [],
      data: { bikes: [{ name: 'Steel', km: 10 }], links: { home: '/' } },
    })
    const s = script(
      'data',
      py(
        'import bds',
        'LINKS = bds.data("links")  # read once, when the module is compiled',
        'def render(c):',
        '    bikes = bds.data("bikes")',
        '    errors = []',
        '    for change in (lambda: bikes[0].__setitem__("km", 0), lambda: bikes.append(1), lambda: LINKS.pop("home")):',
        '        try:',
        '            change()',
        '        except (TypeError, AttributeError) as e:',
        '            errors.append(type(e).__name__)',
        '    return {"bike": bikes[0]["name"], "km": bikes[0]["km"], "home": LINKS["home"],',
        '            "missing": bds.data("nope"), "errors": errors}',
      ),
    )
    const r = await call(host, s, { n: 1 })
    expect(r.value).toEqual({
      bike: 'Steel',
      km: 10,
      home: '/',
      missing: null,
      errors: ['TypeError', 'AttributeError', 'TypeError'],
    })
    // One list of what the call read, data files among the rest, sorted.
    expect(r.reads).toEqual(['data:bikes', 'data:links', 'data:nope'])
    // The module is compiled once per worker; its top-level read counts for every call.
    const again = await call(host, s, { n: 2 })
    expect(again.reads).toEqual(['data:bikes', 'data:links', 'data:nope'])
    const plain = script('plain', py('def render(c):', '    return 1'))
    expect((await call(host, plain, {})).reads).toEqual([])
  })

  it('compiles a module again when a file its top level read changes, and only then', async () => {
    // One worker, so that every call meets the same compiled module.
    const one = testHost({ workers: 1 })
    onTestFinished(() => one.stop())
    const site = (data: Record<string, unknown>) =>
      one.setSiteData({ config: {}, posts: [], tags: [], categories: [], data })
    const s = script(
      'top',
      py(
        'import bds',
        'LINKS = bds.data("links")',
        'loads = [0]',
        'def render(c):',
        '    loads[0] += 1',
        '    return {"home": LINKS["home"], "calls": loads[0]}',
      ),
    )
    site({ links: { home: '/' }, other: 1 })
    expect((await call(one, s, { n: 1 })).value).toEqual({ home: '/', calls: 1 })
    site({ links: { home: '/' }, other: 2 })
    expect((await call(one, s, { n: 2 })).value).toEqual({ home: '/', calls: 2 })
    site({ links: { home: '/start/' }, other: 2 })
    expect((await call(one, s, { n: 3 })).value).toEqual({ home: '/start/', calls: 1 })
  })
})

describe('batching and counters', () => {
  it('runs identical calls once and counts calls per script', async () => {
    const s = script(
      'same',
      py('n = 0', 'def render(c):', '    global n', '    n += 1', '    return n'),
      { id: 'same-1' },
    )
    const before = host.counters().byScript.same?.calls ?? 0
    const results = await host.run(
      Array.from({ length: 5 }, () => ({ script: s, args: [{ p: 1 }] })),
    )
    expect(new Set(results.map((r) => r.value)).size).toBe(1)
    expect(host.counters().byScript.same?.calls).toBe(before + 1)
  })

  it('spreads a large set of calls over the workers and keeps their order', async () => {
    const s = script('idx', py('def render(c):', '    return c["i"]'))
    const results = await host.run(
      Array.from({ length: 500 }, (_, i) => ({ script: s, args: [{ i }] })),
    )
    expect(results.map((r) => r.value)).toEqual(Array.from({ length: 500 }, (_, i) => i))
    const c = host.counters()
    expect(c.workers).toBe(2)
    expect(c.snapshot).toBe(true)
    expect(c.byScript.idx?.calls).toBe(500)
    expect(c.byScript.idx?.p95Ms).toBeGreaterThanOrEqual(c.byScript.idx?.p50Ms ?? 0)
  })

  it('sends a shared field once and gives every call its own copy; times every hop', async () => {
    const s = script(
      'fields',
      py(
        'def render(c, post):',
        '    seen = [sorted(c), c["env"]["hook"], c["params"]["n"], post["t"]]',
        '    c["env"]["hook"] = "changed by a call"',
        '    return seen',
      ),
    )
    const env = { hook: 'fields', text: 'x'.repeat(1000) }
    const results = await host.run(
      [1, 2, 3].map((n) => ({
        script: s,
        args: [new FieldsArgument({ env, params: { n } }), { t: 'p' }],
      })),
    )
    expect(results.map((r) => r.value)).toEqual(
      [1, 2, 3].map((n) => [['env', 'params'], 'fields', n, 'p']),
    )
    const hops = host.counters().hops as unknown as Record<string, number>
    expect(hops.batches).toBeGreaterThan(0)
    expect(hops.callsMs).toBeGreaterThan(0)
    const others = ['encodeMs', 'toWorkerMs', 'siteMs', 'parseMs', 'loopMs', 'fromWorkerMs']
    // The host is the sandbox: the hops to the child and back are timed too.
    for (const hop of [...others, 'toChildMs', 'fromChildMs'])
      expect(hops[hop], hop).toBeGreaterThanOrEqual(0)
  })
})
