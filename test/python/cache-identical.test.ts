// Cached and uncached builds of the fixture sites with Python macros are byte for byte the
// same (#16), with real Pyodide: no cache, an empty cache, a replayed build and a build whose
// every cacheable result is cached. A call that timed out is never cached, so it runs again.

import { describe, expect, it } from 'vitest'
import { buildFourWays, expectSameAsUncached } from '../helpers/cache.js'

describe.each(['python', 'bds-project'])('the fixture site %s', (fixture) => {
  it('builds the same bytes and reports the same diagnostics with and without the cache', () => {
    const built = buildFourWays(fixture)
    expectSameAsUncached(built)
    expect(built.warm.report.cache?.markdown.computed).toBe(0)
  })
})
