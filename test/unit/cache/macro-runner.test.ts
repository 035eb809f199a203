// A macro runner behind the build cache (#16): a stored call is answered while every part of
// the site data it read hashes the same, re-run when one changed, and comes back with what it
// read; the runner sees only the calls left (an empty batch when none is); an output that may
// differ next time is not kept.

import { describe, expect, it } from 'vitest'
import { cachedRunner, createBuildCache, openCacheFile } from '../../../src/cache/index.js'
import type { MacroInput, MacroOutput, MacroRunner } from '../../../src/macros/index.js'
import { macroInput } from '../../helpers/macro-input.js'

/** A runner whose outputs read `reads` of a site whose parts hash as `site` says. */
function runner(site: Record<string, string>, reads: string[], cacheable = true) {
  const batches: string[][] = []
  const inner: MacroRunner = {
    has: () => true,
    async run(batch) {
      batches.push(batch.map((i) => String(i.call.params.n)))
      return batch.map(
        (i): MacroOutput => ({ html: `n=${i.call.params.n}`, diagnostics: [], reads, cacheable }),
      )
    },
    cacheKeys: { key: (i) => `k${i.call.params.n}`, read: async (name) => site[name] },
  }
  return { inner, batches }
}

const calls = (...ns: number[]): MacroInput[] => ns.map((n) => macroInput('m', { n }))

async function build(db: ReturnType<typeof openCacheFile>, r: MacroRunner, inputs: MacroInput[]) {
  const cache = createBuildCache(db)
  const out = await cachedRunner(r, cache).run(inputs)
  await cache.settle()
  cache.finish(true)
  return { html: out.map((o) => o.html), report: cache.report(), tainted: cache.tainted }
}

describe('a cached macro runner', () => {
  it('answers stored calls while what they read is unchanged, and re-runs them when it changed', async () => {
    const db = openCacheFile('', ':memory:')
    const site = { posts: 'h1' }
    const { inner, batches } = runner(site, ['posts'])
    expect((await build(db, inner, calls(1, 2))).html).toEqual(['n=1', 'n=2'])
    const again = await build(db, inner, calls(1, 2, 3))
    expect(again.html).toEqual(['n=1', 'n=2', 'n=3'])
    expect(again.report.macros).toEqual({ cached: 2, computed: 1 })
    site.posts = 'h2'
    await build(db, inner, calls(1))
    expect(batches).toEqual([['1', '2'], ['3'], ['1']])
  })

  it('gives a stored output back with what the call read, as watch mode needs it', async () => {
    const db = openCacheFile('', ':memory:')
    const { inner } = runner({ 'data:bikes': 'h1', posts: 'p' }, ['data:bikes', 'posts'])
    await build(db, inner, calls(1))
    const cache = createBuildCache(db)
    const [out] = await cachedRunner(inner, cache).run(calls(1))
    expect(cache.report().macros).toEqual({ cached: 1, computed: 0 })
    expect(out?.reads).toEqual(['data:bikes', 'posts'])
  })

  it('calls the runner with an empty batch when the cache answered every call', async () => {
    const db = openCacheFile('', ':memory:')
    const { inner, batches } = runner({}, [])
    await build(db, inner, calls(1))
    await build(db, inner, calls(1))
    expect(batches).toEqual([['1'], []])
  })

  it('runs a first build’s calls at once and keys and stores them only when the build settles', async () => {
    const db = openCacheFile('', ':memory:')
    const { inner, batches } = runner({ posts: 'h1' }, ['posts'])
    const keyed: string[] = []
    const keys = inner.cacheKeys as NonNullable<MacroRunner['cacheKeys']>
    const counting: MacroRunner = {
      ...inner,
      cacheKeys: {
        ...keys,
        key: (i) => {
          keyed.push(String(i.call.params.n))
          return keys.key(i)
        },
      },
    }
    const cache = createBuildCache(db)
    expect(cache.cold()).toBe(true)
    const out = await cachedRunner(counting, cache).run(calls(1, 2))
    expect(out.map((o) => o.html)).toEqual(['n=1', 'n=2'])
    expect(cache.report().macros).toEqual({ cached: 0, computed: 2 })
    expect(keyed).toEqual([])
    await cache.settle()
    expect(keyed).toEqual(['1', '2'])
    cache.finish(true)
    expect((await build(db, inner, calls(1, 2))).report.macros).toEqual({ cached: 2, computed: 0 })
    expect(batches).toEqual([['1', '2'], []])
  })

  it('keeps no output that may differ next time, nor one that read an unknown part', async () => {
    for (const r of [runner({}, [], false), runner({}, ['data:unknown'])]) {
      const db = openCacheFile('', ':memory:')
      expect((await build(db, r.inner, calls(1))).tainted).toBe(true)
      await build(db, r.inner, calls(1))
      expect(r.batches).toEqual([['1'], ['1']])
    }
  })
})
