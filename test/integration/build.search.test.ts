// Search (issue 18): `bds build` writes a Pagefind index per language tree with every built
// post and page, and a search page per tree; `search: false` writes neither; a site's own
// /search/ page is kept. (The browser test searches the index for real.)

import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { build, memoryDeps } from '../../src/build/index.js'
import { MEMORY_ROOT, MEMORY_THEME, memoryFixture } from '../helpers/memory.js'

const text = (bytes: Uint8Array | undefined) => Buffer.from(bytes ?? []).toString('utf8')

describe('the search index', () => {
  it('indexes each language tree on its own, with a search page in each', async () => {
    const deps = memoryDeps(memoryFixture('bds-project'), { templatesDir: MEMORY_THEME })
    const report = await build({ root: MEMORY_ROOT, strict: true }, deps)
    expect(report.diagnostics).toEqual([])
    expect(report.steps.map((s) => s.name)).toContain('search')
    const out = deps.writer.files
    const entry = (dir: string) => JSON.parse(text(out.get(`${dir}pagefind/pagefind-entry.json`)))
    expect(Object.keys(entry('').languages)).toEqual(['de'])
    expect(Object.keys(entry('en/').languages)).toEqual(['en'])
    expect(entry('').languages.de.page_count).toBeGreaterThan(0)
    for (const file of ['pagefind/pagefind-ui.js', 'en/pagefind/pagefind-ui.css'])
      expect(out.has(file), file).toBe(true)
    const page = text(out.get('en/search/index.html'))
    expect(page).toContain('data-bundle="/en/pagefind/"')
    expect(page).toContain('<script src="/en/pagefind/pagefind-ui.js"></script>')
    expect(text(out.get('index.html'))).toContain(
      '<form class="site-search" role="search" action="/search/">',
    )
  })

  it('writes no index, page or box with search off, and keeps a site page at /search/', async () => {
    const fs = memoryFixture('blog')
    const config = JSON.parse(text(fs.readSync(join(MEMORY_ROOT, 'bds.config.json'))))
    fs.put(join(MEMORY_ROOT, 'bds.config.json'), JSON.stringify({ ...config, search: false }))
    const deps = memoryDeps(fs, { templatesDir: MEMORY_THEME })
    expect((await build({ root: MEMORY_ROOT, strict: true }, deps)).diagnostics).toEqual([])
    const files = [...deps.writer.files.keys()]
    expect(files.filter((f) => f.startsWith('pagefind/') || f.startsWith('search/'))).toEqual([])
    expect(text(deps.writer.files.get('index.html'))).not.toContain('site-search')

    const own = memoryFixture('blog')
    own.put(join(MEMORY_ROOT, 'pages/search.md'), '---\ntitle: Find things\n---\nAsk me.\n')
    const mine = memoryDeps(own, { templatesDir: MEMORY_THEME })
    expect((await build({ root: MEMORY_ROOT, strict: true }, mine)).diagnostics).toEqual([])
    expect(text(mine.writer.files.get('search/index.html'))).toContain('Ask me.')
    expect(mine.writer.files.has('pagefind/pagefind-entry.json')).toBe(true)
  })
})
