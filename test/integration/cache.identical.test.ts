// Cached and uncached builds of every fixture site without Python are byte for byte the same
// (#16): no cache, an empty cache, a replayed build and a build whose every result is cached.
// The Python fixtures have the same test in test/python/cache-identical.test.ts.

import { describe, expect, it } from 'vitest'
import { buildFourWays, expectSameAsUncached } from '../helpers/cache.js'

describe.each(['blog', 'macros'])('the fixture site %s', (fixture) => {
  it('builds the same bytes and reports the same diagnostics with and without the cache', () => {
    const built = buildFourWays(fixture)
    expectSameAsUncached(built)
    const { none } = built
    const pages = none.report.cache?.pages.computed ?? 0
    expect(pages).toBeGreaterThan(0)
    expect(built.cold.report.cache?.pages).toEqual({ cached: 0, computed: pages })
    expect(built.replayed.report.cache?.pages).toEqual({ cached: pages, computed: 0 })
    expect(built.replayed.report.steps.map((s) => s.name)).toContain('replay')
    expect(built.warm.report.steps.map((s) => s.name)).toContain('pages')
    expect(built.warm.report.cache?.pages).toEqual({ cached: pages, computed: 0 })
    expect(built.warm.report.cache?.markdown.computed).toBe(0)
    expect(built.warm.report.cache?.macros.computed).toBe(0)
    expect(built.cold.report.cache?.search).toEqual({ cached: 0, computed: 1 })
    expect(built.warm.report.cache?.search).toEqual({ cached: 1, computed: 0 })
  })
})
