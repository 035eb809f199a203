// How many render workers a build starts (decision 0029): `--threads` decides when given;
// else one per core besides the main thread, and besides Pagefind's when there is a search
// index of at most 20,000 posts to make while the pages render.

import { availableParallelism } from 'node:os'
import { describe, expect, it } from 'vitest'
import { workerCount } from '../../../src/build/render-pool.js'
import type { ResolvedConfig } from '../../../src/config/index.js'

const config = (search: boolean, threads?: number) => ({ search, threads }) as ResolvedConfig

describe('render workers', () => {
  it('leave a core to Pagefind when the site has a search index of up to 20,000 posts', () => {
    const cores = availableParallelism()
    for (const posts of [1, 4000, 20_000]) {
      expect(workerCount(config(false), posts)).toBe(Math.max(0, cores - 1))
      expect(workerCount(config(true), posts)).toBe(Math.max(0, cores - 2))
    }
    expect(workerCount(config(true), 20_001)).toBe(Math.max(0, cores - 1))
  })

  it('follow --threads, the main thread included, with or without search', () => {
    for (const search of [true, false]) {
      for (const posts of [4000, 100_000]) {
        expect(workerCount(config(search, 1), posts)).toBe(0)
        expect(workerCount(config(search, 2), posts)).toBe(1)
        expect(workerCount(config(search, 4), posts)).toBe(3)
      }
    }
  })
})
