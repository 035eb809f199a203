// How renderJobs splits pages between the main thread and the render workers (shareJobs):
// every page exactly once, lists on the main thread while they fit its share, post pages to
// the workers first, and the workers' shares even.

import { describe, expect, it } from 'vitest'
import { shareJobs } from '../../../src/build/render-jobs.js'
import type { PageJob } from '../../../src/site/index.js'

const job = (source: string, i: number) => ({ path: `${source}/${i}`, source }) as PageJob
const jobs = (entries: number, lists: number) => [
  ...Array.from({ length: entries }, (_, i) => job('posts/x.md', i)),
  ...Array.from({ length: lists }, (_, i) => job('bds:list', i)),
]
const lists = (share: PageJob[]) => share.filter((j) => j.source === 'bds:list').length

describe('shareJobs', () => {
  it('renders everything on the main thread without workers', () => {
    const all = jobs(10, 5)
    expect(shareJobs(all, 0)).toEqual({ main: all, workers: [] })
  })

  it.each([
    [4000, 5000, 1],
    [4000, 1000, 1],
    [4000, 5000, 3],
    [100, 9000, 3],
    [7, 0, 3],
    [0, 3, 2],
  ])('gives each of %i post and %i list pages to one thread (%i workers)', (e, l, w) => {
    const all = jobs(e, l)
    const { main, workers } = shareJobs(all, w)
    expect(workers).toHaveLength(w)
    const shared = [main, ...workers].flat()
    expect(shared).toHaveLength(all.length)
    expect(new Set(shared).size).toBe(all.length)
  })

  it('keeps the lists on the main thread when they about fit its share', () => {
    // 9000 pages for 2 threads: 4500 each; 500 lists over the share stay with the rest.
    const { main, workers } = shareJobs(jobs(4000, 5000), 1)
    expect(lists(main)).toBe(5000)
    expect(workers[0]).toHaveLength(4000)
  })

  it('gives the main thread post pages when the lists leave it room', () => {
    const { main, workers } = shareJobs(jobs(4000, 1000), 1)
    expect(main).toHaveLength(2500)
    expect(lists(main)).toBe(1000)
    expect(workers[0]).toHaveLength(2500)
  })

  it('gives workers the lists beyond the main thread share, after the post pages', () => {
    // 9000 pages for 4 threads: 2250 each; the main thread keeps 2250 lists, the workers
    // take the 4000 post pages, then the 2750 other lists.
    const { main, workers } = shareJobs(jobs(4000, 5000), 3)
    expect(main).toHaveLength(2250)
    expect(lists(main)).toBe(2250)
    expect(workers.map((w) => w.length)).toEqual([2250, 2250, 2250])
    expect(workers.map(lists)).toEqual([0, 500, 2250])
  })
})
