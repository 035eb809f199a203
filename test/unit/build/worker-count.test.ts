// How many render workers a build starts (decision 0029): `--threads` decides when given;
// else one per core besides the main thread, and besides Pagefind's when there is a search
// index to make while the pages render.

import { availableParallelism } from 'node:os'
import { describe, expect, it } from 'vitest'
import { workerCount } from '../../../src/build/render-pool.js'
import type { ResolvedConfig } from '../../../src/config/index.js'

const config = (search: boolean, threads?: number) => ({ search, threads }) as ResolvedConfig

describe('render workers', () => {
  it('leave a core to Pagefind when the site has a search index', () => {
    const cores = availableParallelism()
    expect(workerCount(config(false))).toBe(Math.max(0, cores - 1))
    expect(workerCount(config(true))).toBe(Math.max(0, cores - 2))
  })

  it('follow --threads, the main thread included, with or without search', () => {
    for (const search of [true, false]) {
      expect(workerCount(config(search, 1))).toBe(0)
      expect(workerCount(config(search, 2))).toBe(1)
      expect(workerCount(config(search, 4))).toBe(3)
    }
  })
})
