// Render limits per template render (#19, point 5) as the pipeline passes them from the config
// (TemplateOptions.limits): time, allocations, template size and page size each fail only the
// render that went over, with BDS_TEMPLATE_LIMIT / BDS_PAGE_TOO_LARGE naming the template; a
// `stopped` check ends a render between two template nodes.

import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_LIMITS, type ResolvedLimits } from '../../../src/config/index.js'
import { isBdsError } from '../../../src/errors/index.js'
import { createTemplates, loadTemplateStore } from '../../../src/render/index.js'
import { nodeFs } from '../../../src/util/fs.js'
import { tempDir } from '../../helpers/site.js'

async function engine(
  files: Record<string, string>,
  limits: Partial<ResolvedLimits>,
  stopped?: () => boolean,
) {
  const dir = tempDir()
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true })
    writeFileSync(join(dir, name), text)
  }
  const store = await loadTemplateStore(dir, join(dir, 'none'), dir, nodeFs)
  const options = {
    origin: 'https://x',
    basePath: '',
    timezone: 'UTC',
    language: 'en',
    globals: {},
  }
  return createTemplates(store, { ...options, limits: { ...DEFAULT_LIMITS, ...limits }, stopped })
}

function failure(fn: () => unknown) {
  try {
    fn()
  } catch (error) {
    if (isBdsError(error)) return error
    throw error
  }
  throw new Error('the render did not fail')
}

const LOOP = '{% for i in (1..100000) %}{% for j in (1..100000) %}x{% endfor %}{% endfor %}'

describe('render limits', () => {
  it('stops a runaway loop at renderMs; the next render starts afresh', async () => {
    const t = await engine({ 'spin.liquid': LOOP, 'ok.liquid': 'fine' }, { renderMs: 50 })
    const e = failure(() => t.render('spin.liquid', {}))
    expect(e.code).toBe('BDS_TEMPLATE_LIMIT')
    expect(e.message).toContain('spin.liquid did not finish rendering this page within 50 ms')
    expect(e.pos).toMatchObject({ file: 'bds:templates/spin.liquid', line: 1 })
    expect(t.render('ok.liquid', {})).toBe('fine')
  })

  it('stops doubling lists at renderMemory', async () => {
    const grow =
      '{% assign a = "1,2,3" | split: "," %}{% for i in (1..40) %}{% assign a = a | concat: a %}{% endfor %}{{ a | size }}'
    const t = await engine({ 'grow.liquid': grow }, { renderMemory: 10_000 })
    const e = failure(() => t.render('grow.liquid', {}))
    expect(e.code).toBe('BDS_TEMPLATE_LIMIT')
    expect(e.message).toContain('(limits.renderMemory)')
  })

  it('refuses a template longer than templateChars', async () => {
    const t = await engine({ 'long.liquid': 'x'.repeat(5000) }, { templateChars: 1000 })
    const e = failure(() => t.render('long.liquid', {}))
    expect(e.code).toBe('BDS_TEMPLATE_LIMIT')
    expect(e.message).toContain('(limits.templateChars)')
  })

  it('fails a page over pageChars', async () => {
    const t = await engine(
      { 'big.liquid': '{% for i in (1..2000) %}xxxxx{% endfor %}' },
      { pageChars: 5000 },
    )
    const e = failure(() => t.render('big.liquid', {}))
    expect(e.code).toBe('BDS_PAGE_TOO_LARGE')
    expect(e.message).toContain('(limits.pageMiB)')
  })

  it('ends a render between two nodes once `stopped` says so', async () => {
    let nodes = 0
    const t = await engine({ 'spin.liquid': LOOP }, { renderMs: 600_000 }, () => ++nodes > 1000)
    const e = failure(() => t.render('spin.liquid', {}))
    expect(e.message).toContain('the build is being interrupted')
    expect(nodes).toBe(1001)
  })
})
