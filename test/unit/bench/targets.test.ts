// The bench's target table: each target's verdict from one run's results, and what to run
// for a target the run did not measure.

import { describe, expect, it } from 'vitest'
import { checkTargets, targetsTable } from '../../../bench/targets.js'
import type { BdsResult, PeerResult, SizeResult } from '../../../bench/types.js'

const timing = (ms: number) => ({ medianMs: ms, minMs: ms, maxMs: ms, runsMs: [ms], failures: 0 })
const bds = (ms: number, rss: number, again = 290): BdsResult => ({
  cold: { ...timing(ms), maxRssBytes: rss, largestRssBytes: rss, pages: 0 },
  noChange: { ...timing(again), maxWritten: 0 },
  steps: [],
  durationMs: ms,
  wallMs: ms,
})
const peerOf = (ms: number, bdsMs: number): PeerResult => ({
  ...timing(ms),
  version: '1',
  ratio: bdsMs / ms,
  maxRssBytes: null,
  largestRssBytes: null,
  pages: 4000,
})
const size = (posts: number, result: BdsResult, peers: Record<string, PeerResult> = {}) =>
  ({ posts, corpusBytes: 0, bds: result, peers }) as SizeResult

const verdicts = (rows: ReturnType<typeof checkTargets>) =>
  Object.fromEntries(rows.map((r) => [r.target, r.met]))

describe('checkTargets', () => {
  it('judges each measured target against its ceiling', () => {
    const rows = checkTargets({
      results: [
        size(4000, bds(7000, 300 * 2 ** 20), {
          hugo: peerOf(2000, 7000),
          'hugo+lists': peerOf(8000, 7000),
          eleventy: peerOf(14_000, 7000),
        }),
        size(100_000, bds(114_000, 3.4 * 2 ** 30)),
      ],
      startup: {
        runs: 15,
        nodeMs: 80,
        versionMs: 90,
        helpMs: 110,
        versionRatio: 1.125,
        helpRatio: 1.375,
      },
      cores: 2,
    })
    const met = verdicts(rows)
    expect(met['1. cold build, 4000 posts ÷ Hugo']).toBe(false)
    expect(met['1. cold build ÷ Hugo with its lists']).toBe(true)
    expect(met['1. cold build ÷ Eleventy 3']).toBe(true)
    expect(met['2. bds --version ÷ node -e 0']).toBe(true)
    expect(met['2. bds --help ÷ node -e 0']).toBe(false)
    expect(met['3. no-change build, 4000 posts (process)']).toBe(true)
    expect(met['5. 100,000 posts: time ÷ 4000 posts']).toBe(true)
    expect(met['5. 100,000 posts: peak RSS']).toBe(false)
    const table = targetsTable(rows)
    expect(table).toContain('3.50×')
    expect(table).toContain('MISSED')
    expect(table).toContain('20,000 and 100,000 posts')
    expect(table).toContain('not run (--only python)')
    expect(table).toContain('not run (--threads 1,2,4)')
  })

  it('gives no verdict on 4 threads against 2 on a machine without 4 cores', () => {
    const curve = (four: number) => ({
      posts: 4000,
      rows: [2, 4].map((threads) => ({
        threads,
        medianMs: threads === 2 ? 6000 : four,
        runsMs: [],
        speedup: 1,
        serialFraction: null,
      })),
    })
    const row = (cores: number, four: number) =>
      checkTargets({ results: [], threads: curve(four), cores }).at(-1)
    expect(row(2, 6500)?.met).toBeUndefined()
    expect(row(4, 6500)?.met).toBe(false)
    expect(row(4, 4000)?.met).toBe(true)
    expect(row(2, 6500)?.measured).toBe('1.08×')
  })
})
