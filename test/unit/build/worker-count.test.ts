// How many render workers a build starts (decision 0029): `--threads` decides when given;
// else one per core besides the main thread, and besides Pagefind's when it indexes at most
// 20,000 posts while the pages render.

import { availableParallelism } from 'node:os'
import { describe, expect, it } from 'vitest'
import { workerCount } from '../../../src/build/render-pool.js'
import type { ResolvedConfig } from '../../../src/config/index.js'

const config = (threads?: number) => ({ search: true, threads }) as ResolvedConfig

describe('render workers', () => {
  it('leave a core to Pagefind while it indexes up to 20,000 posts', () => {
    const cores = availableParallelism()
    expect(workerCount(config(), 0)).toBe(Math.max(0, cores - 1))
    for (const posts of [1, 4000, 20_000])
      expect(workerCount(config(), posts)).toBe(Math.max(0, cores - 2))
    expect(workerCount(config(), 20_001)).toBe(Math.max(0, cores - 1))
  })

  it('follow --threads, the main thread included, whatever Pagefind does', () => {
    for (const posts of [0, 4000, 100_000]) {
      expect(workerCount(config(1), posts)).toBe(0)
      expect(workerCount(config(2), posts)).toBe(1)
      expect(workerCount(config(4), posts)).toBe(3)
    }
  })
})
