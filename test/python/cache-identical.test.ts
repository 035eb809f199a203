// Cached and uncached builds of the fixture sites with Python macros are byte for byte the
// same (#16), with real Pyodide: no cache, an empty cache, a replayed build and a build whose
// every cacheable result is cached. A call that timed out is never cached, so it runs again.

import { describe, expect, it } from 'vitest'
import { buildFourWays } from '../helpers/cache.js'

describe.each(['python', 'bds-project'])('the fixture site %s', (fixture) => {
  it('builds the same bytes and reports the same diagnostics with and without the cache', () => {
    const built = buildFourWays(fixture)
    const { none } = built
    for (const [way, b] of Object.entries(built)) {
      expect([...b.files.keys()], way).toEqual([...none.files.keys()])
      for (const [path, bytes] of none.files)
        expect(b.files.get(path), `${way}: ${path}`).toEqual(bytes)
      expect(b.report.diagnostics, way).toEqual(none.report.diagnostics)
      expect(b.report.macros, way).toEqual(none.report.macros)
    }
    expect(built.warm.report.cache?.markdown.computed).toBe(0)
  })
})
