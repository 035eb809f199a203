import { describe, expect, it } from 'vitest'
import { checkContext, checkResult } from '../../../src/python/abi.js'
import {
  batchJson,
  callsOf,
  chunk,
  dedupe,
  FieldsArgument,
  parseResults,
  planOf,
} from '../../../src/python/batches.js'
import { blockedCapability } from '../../../src/python/blocked.js'
import { createCounters, percentile } from '../../../src/python/counters.js'
import { script } from '../../helpers/python.js'

const s = script('a', 'def render(c):\n    return 1\n')

describe('batches', () => {
  it('runs identical calls once: same script version and arguments', () => {
    const t = script('a', 'changed = 1\n')
    const plan = dedupe([
      { script: s, args: [{ x: 1 }, null] },
      { script: s, args: [{ x: 1 }, null] },
      { script: s, args: [{ x: 2 }, null] },
      { script: t, args: [{ x: 1 }, null] },
    ])
    expect(plan.unique).toHaveLength(3)
    expect(plan.slot).toEqual([0, 0, 1, 2])
  })

  it('cuts enough batches for every worker, at most 100 calls each', () => {
    expect(chunk([1, 2, 3], 2).map((b) => b.length)).toEqual([1, 1, 1])
    expect(chunk(Array.from({ length: 20_000 }), 2).every((b) => b.length === 100)).toBe(true)
    expect(chunk(Array.from({ length: 80 }), 2).map((b) => b.length)).toEqual(Array(8).fill(10))
  })

  it('sends each script source once per batch, as data', () => {
    const json = JSON.parse(
      batchJson(
        dedupe([
          { script: s, args: [1] },
          { script: s, args: [2] },
        ]).unique,
      ),
    )
    expect(Object.keys(json.scripts)).toEqual([`a:${s.hash}`])
    expect(json.scripts[`a:${s.hash}`]).toEqual({
      file: 'scripts/a.py',
      slug: 'a',
      source: s.source,
      entrypoint: 'render',
    })
    expect(json.values).toEqual(['1', '2'])
    expect(json.calls).toEqual([
      { key: `a:${s.hash}`, args: [0] },
      { key: `a:${s.hash}`, args: [1] },
    ])
    const post = { title: 'shared' }
    const shared = JSON.parse(
      batchJson(
        dedupe([
          { script: s, args: [{ a: 1 }, post] },
          { script: s, args: [{ a: 2 }, post] },
        ]).unique,
      ),
    )
    expect(shared.values).toEqual(['{"a":1}', '{"title":"shared"}', '{"a":2}'])
    expect(shared.calls.map((c: { args: number[] }) => c.args)).toEqual([
      [0, 1],
      [2, 1],
    ])
  })

  it('sends a field many calls share once per batch, and keeps calls with other fields apart', () => {
    const env = { hook: 'a', translations: { more: 'More' } }
    const calls = [1, 2, 1].map((n) => ({
      script: s,
      args: [new FieldsArgument({ env, params: { n } }), { title: 'p' }],
    }))
    const { unique, slot } = dedupe(calls)
    expect(slot).toEqual([0, 1, 0])
    const json = JSON.parse(batchJson(unique))
    expect(json.values).toEqual([JSON.stringify(env), '{"n":1}', '{"title":"p"}', '{"n":2}'])
    expect(json.calls.map((c: { args: unknown }) => c.args)).toEqual([
      [
        [
          ['env', 0],
          ['params', 1],
        ],
        2,
      ],
      [
        [
          ['env', 0],
          ['params', 3],
        ],
        2,
      ],
    ])
    // What crossed to the sandbox child comes back as the same calls, and a forged plan is refused.
    const plan = planOf(unique)
    expect(callsOf(plan)).toEqual(unique)
    const forged = (args: unknown) =>
      callsOf({ ...plan, calls: [{ key: `a:${s.hash}`, args: args as number[] }] })
    expect(forged([[['env', 99]]])).toBeUndefined()
    expect(forged([[[1, 0]]])).toBeUndefined()
    expect(forged('x')).toBeUndefined()
  })

  it('treats a malformed worker reply as a crash of every call, never as data', () => {
    for (const reply of ['not json', '{"a":1}', '[1, 2, 3]', '[]']) {
      const results = parseResults(reply, 2)
      expect(results).toHaveLength(2)
      expect(results.every((r) => r.error?.kind === 'crash')).toBe(true)
    }
    const [odd] = parseResults(
      '[{"ms":"x","r":{"ok":false,"error":{"kind":"evil","line":1.5},"logs":[1,"a"]}}]',
      1,
    )
    expect(odd).toEqual({
      ok: false,
      error: { kind: 'crash', type: 'Error', message: '', traceback: '' },
      stdout: '',
      stderr: '',
      logs: ['a'],
      reads: [],
      ms: 0,
    })
  })
})

describe('ABI v1 schemas', () => {
  const env = {
    isPreview: false,
    mainLanguage: 'en',
    languagePrefix: '',
    hook: 'a',
    source: { kind: 'macro', id: '1' },
  }
  it('accepts a well-formed context and refuses unknown keys', () => {
    expect(checkContext({ env, params: { n: 1 } }, null)).toBeUndefined()
    expect(checkContext({ env, params: {}, extra: 1 }, null)).toContain('context')
    expect(checkContext({ env, params: { n: [1] } }, null)).toContain('context')
  })

  it('accepts a str or {html, data?, warnings?} and says what is wrong otherwise', () => {
    expect(checkResult('<b>x</b>')).toBeUndefined()
    expect(checkResult({ html: '', data: { a: 1 }, warnings: ['w'] })).toBeUndefined()
    expect(checkResult({ html: 1 })).toBe('/html must be string')
    expect(checkResult({ html: '', extra: 1 })).toBe(
      'the value must NOT have additional properties',
    )
    expect(checkResult(null)).toContain('not None')
    expect(checkResult([1])).toContain('not a list')
  })
})

describe('counters', () => {
  it('sums the hops of each batch from its worker trace, and ignores a trace it cannot read', () => {
    const c = createCounters(2)
    expect(c.snapshot().hops).toBeUndefined()
    const times = { encodeMs: 1, sentAt: 1000, doneAt: 1030, callsMs: 12 }
    // Sent at 1000, its worker ended the batch before at 1002 and began this one at 1004.
    c.batch(times, [1004, 2, 3, 20, 1027, 1002])
    c.batch(times, 'not a trace')
    c.batch(times, [1, 2, 3, Number.NaN, 5, 0])
    expect(c.snapshot().hops).toEqual({
      batches: 1,
      encodeMs: 1,
      queuedMs: 2,
      toWorkerMs: 2,
      siteMs: 2,
      parseMs: 3,
      callsMs: 12,
      loopMs: 8,
      fromWorkerMs: 3,
    })
  })

  it('computes nearest-rank percentiles per script', () => {
    expect(percentile([], 50)).toBe(0)
    expect(percentile([1, 2, 3, 4], 50)).toBe(2)
    expect(percentile([1, 2, 3, 4], 95)).toBe(4)
    const c = createCounters(2)
    for (const ms of [3, 1, 2])
      c.record('a', { ok: true, stdout: '', stderr: '', logs: [], reads: [], ms })
    c.record('a', {
      ok: false,
      error: { kind: 'timeout', type: 'T', message: '', traceback: '' },
      stdout: '',
      stderr: '',
      logs: [],
      reads: [],
      ms: 9,
    })
    expect(c.snapshot()).toMatchObject({
      calls: 4,
      errors: 1,
      timeouts: 1,
      byScript: { a: { calls: 4, p50Ms: 2, p95Ms: 9 } },
    })
  })
})

describe('blocked capabilities', () => {
  it('explain an EvalError or a denied access in plain words', () => {
    const base = { kind: 'exception' as const, traceback: '' }
    expect(
      blockedCapability({
        ...base,
        type: 'JsException',
        message: 'EvalError: Code generation from strings disallowed for this context',
      }),
    ).toContain('the sandbox refused it')
    expect(
      blockedCapability({ ...base, type: 'OSError', message: 'ERR_ACCESS_DENIED' }),
    ).toBeDefined()
    expect(blockedCapability({ ...base, type: 'KeyError', message: "'x'" })).toBeUndefined()
  })
})
