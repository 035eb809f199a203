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

  it("makes a big tree's index in parts of `search.partSize` posts, merged by the search page", async () => {
    const fs = memoryFixture('bds-project')
    const partSize = 2
    // A bds.config.json beside the project's meta/project.json: merged key by key.
    fs.put(join(MEMORY_ROOT, 'bds.config.json'), JSON.stringify({ search: { partSize } }))
    const deps = memoryDeps(fs, { templatesDir: MEMORY_THEME })
    const report = await build({ root: MEMORY_ROOT, strict: true }, deps)
    expect(report.diagnostics).toEqual([])
    const out = deps.writer.files
    const whole = new Map<string, number>()
    for (const [tree, language] of [
      ['', 'de'],
      ['en/', 'en'],
    ] as const) {
      const parts = [...out.keys()]
        .filter((f) => f.startsWith(`${tree}pagefind/`) && f.endsWith('pagefind-entry.json'))
        .sort()
      expect(parts.length, tree).toBeGreaterThan(2)
      const counts = parts.map((f) => JSON.parse(text(out.get(f))).languages[language].page_count)
      expect(
        counts.every((n) => n >= 1 && n <= partSize),
        `${tree} ${counts}`,
      ).toBe(true)
      // Every post and page of the tree is in exactly one part: the parts add up to the index
      // the same tree gets in one piece.
      const dirs = parts.map((f) => f.slice(0, -'pagefind-entry.json'.length))
      expect(dirs[0]).toBe(`${tree}pagefind/`)
      expect(dirs.slice(1)).toEqual(dirs.slice(1).map((_, k) => `${tree}pagefind/part-${k + 2}/`))
      const page = text(out.get(`${tree}search/index.html`))
      const merged = dirs.slice(1).map((d) => `/${d}`)
      expect(page).toContain(`data-bundle="/${tree}pagefind/" data-parts="${merged.join(' ')}"`)
      whole.set(
        tree,
        counts.reduce((a, b) => a + b, 0),
      )
    }
    const one = memoryDeps(memoryFixture('bds-project'), { templatesDir: MEMORY_THEME })
    await build({ root: MEMORY_ROOT, strict: true }, one)
    for (const [tree, language] of [
      ['', 'de'],
      ['en/', 'en'],
    ] as const) {
      const entry = JSON.parse(text(one.writer.files.get(`${tree}pagefind/pagefind-entry.json`)))
      expect(whole.get(tree), tree).toBe(entry.languages[language].page_count)
      expect(text(one.writer.files.get(`${tree}search/index.html`))).not.toContain('data-parts')
    }
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
