// Render workers hold every post again: a build closes them once its pages are written, before
// it waits for the search index (its longest step at 100,000 posts), not when it ends.

import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openRenderWorkers } from '../../dist/build/render-pool.js'
import { build } from '../../dist/index.js'
import { copyFixture, tempDir } from '../helpers/site.js'

describe('render workers', () => {
  it('are closed once the pages are written, while the search index is made', async () => {
    const root = copyFixture('sites/blog')
    const open = new Map<string, number>()
    const onStep = (name: string) => void open.set(name, openRenderWorkers())
    const report = await build(
      { root, out: join(tempDir(), 'out'), threads: 2 },
      { parallel: true, onStep },
    )
    expect(report.diagnostics).toEqual([])
    expect(report.steps.map((s) => s.name)).toContain('search')
    expect(open.get('pages')).toBe(1)
    expect(open.get('generated')).toBe(0)
    expect(openRenderWorkers()).toBe(0)
  })
})
