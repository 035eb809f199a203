// A site served from a sub-folder (GitHub project pages): with a base path every link bds and
// the theme write carries it — a crawl of the whole output finds no link that leads nowhere —
// while the output files stay where they were. Every fixture site is crawled without a base
// path too. (Issue 14, item 1; decision 0020.)

import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { build } from '../../dist/index.js'
import { crawlSite } from '../helpers/crawl.js'

/** A crawl of `out` for a site at `siteUrl`, whose path is the base path. */
function crawl(out: string, siteUrl: string) {
  const basePath = new URL(siteUrl).pathname.replace(/\/$/, '')
  const { links, broken } = crawlSite(out, { siteUrl, basePath })
  return { checked: links, broken }
}

import { sharedPython } from '../helpers/python.js'
import { copyFixture, listFiles, tempDir } from '../helpers/site.js'

/** The fixture's config with `patch` merged in (a bDS project gets a bds.config.json). */
function configure(root: string, patch: Record<string, unknown>): void {
  const file = join(root, 'bds.config.json')
  let config: Record<string, unknown> = {}
  try {
    config = JSON.parse(readFileSync(file, 'utf8'))
  } catch {}
  writeFileSync(file, JSON.stringify({ ...config, ...patch }, null, 2))
}

// The bDS project's Python macros run in one warm pool for the whole file.
const shared = sharedPython()
afterAll(() => shared.stop())

const sites = [
  { site: 'blog', url: 'https://fieldnotes.example' },
  { site: 'bds-project', url: 'https://demo.bds.example' },
  { site: 'macros', url: 'https://macros.example' },
]

async function built(site: string, patch?: Record<string, unknown>): Promise<string> {
  const root = copyFixture(`sites/${site}`)
  if (patch) configure(root, patch)
  const out = join(tempDir(), 'out')
  const report = await build({ root, out }, { python: shared.python })
  expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  return out
}

describe.each(sites)('fixtures/sites/$site', ({ site, url }) => {
  it('has no broken internal link', async () => {
    const out = await built(site)
    const { checked, broken } = crawl(out, url)
    expect(broken).toEqual([])
    expect(checked).toBeGreaterThan(20)
  })

  it('under the path of its url: every link carries the base path, no file moves', async () => {
    const plain = await built(site)
    const under = `${url.replace('://', '://user.')}/project`
    const out = await built(site, { url: under })
    // Pagefind names its files by a hash of what they hold, and that holds the page URLs.
    const named = (files: string[]) => files.map((f) => f.replace(/_[0-9a-f]{7,}\./, '_#.'))
    expect(named(listFiles(out))).toEqual(named(listFiles(plain)))
    const { checked, broken } = crawl(out, under)
    expect(broken).toEqual([])
    expect(checked).toBeGreaterThan(20)
    const home = readFileSync(join(out, 'index.html'), 'utf8')
    expect(home).toContain('href="/project/assets/bds.css"')
    expect(home).not.toMatch(/\b(?:href|src)="\/(?!project\/)/)
  })
})

describe('an explicit basePath', () => {
  it('puts links under it with a url at the domain root, languages and macros included', async () => {
    const out = await built('bds-project', { basePath: '/blog/' })
    const { broken } = crawl(out, 'https://demo.bds.example/blog')
    expect(broken).toEqual([])
    const english = readFileSync(join(out, 'en', 'index.html'), 'utf8')
    expect(english).toContain('hreflang="de" href="https://demo.bds.example/blog/"')
    expect(english).toMatch(/<a href="\/blog\/" hreflang="de"/)
    const rss = readFileSync(join(out, 'en', 'rss.xml'), 'utf8')
    expect(rss).toContain('<link>https://demo.bds.example/blog/en/</link>')
    const sitemap = readFileSync(join(out, 'sitemap.xml'), 'utf8')
    expect(sitemap).toContain('<loc>https://demo.bds.example/blog/en/</loc>')
  })

  it('puts gallery images, tag cloud links and Markdown links under it', async () => {
    const out = await built('macros', { basePath: '/garden' })
    const pages = listFiles(out).filter((f) => f.endsWith('.html'))
    const html = pages.map((f) => readFileSync(join(out, f), 'utf8')).join('\n')
    expect(html).toMatch(/class="gallery-item" href="\/garden\/media\//)
    expect(html).toMatch(/<a href="\/garden\/tag\/[^"]+" style="font-size/)
    expect(html).not.toMatch(/\b(?:href|src)="\/(?!garden\/)/)
  })

  it('"/" keeps a url with a path at the domain root', async () => {
    const out = await built('blog', { url: 'https://fieldnotes.example/notes', basePath: '/' })
    const { broken } = crawl(out, 'https://fieldnotes.example')
    expect(broken).toEqual([])
  })
})
