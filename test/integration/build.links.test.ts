// Every internal link of every fixture site's output resolves (issue 18, "Done when"): each
// href, src, poster and srcset of every page — list pages with their excerpts included — and
// the site's own URLs in feeds and the sitemap lead to a file, each `#id` to an id on its
// page; and every feed of every fixture passes the feed checks.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { build } from '../../dist/index.js'
import { crawlSite } from '../helpers/crawl.js'
import { feedCheck } from '../helpers/feeds.js'
import { copyFixture, listFiles, tempDir } from '../helpers/site.js'

const sites: Record<string, string> = {
  blog: 'https://fieldnotes.example',
  'bds-project': 'https://demo.bds.example',
  macros: 'https://macros.example',
  python: 'https://python.example',
}

describe.each(Object.entries(sites))('fixtures/sites/%s', (site, siteUrl) => {
  it('has no broken internal link and only valid feeds', async () => {
    const out = join(tempDir(), 'out')
    await build({ root: copyFixture(`sites/${site}`), out })
    const crawl = crawlSite(out, { siteUrl })
    expect(crawl.broken).toEqual([])
    expect(crawl.links).toBeGreaterThan(crawl.pages)
    const feeds = listFiles(out).filter((f) => feedCheck(f))
    expect(feeds.length).toBeGreaterThanOrEqual(3)
    for (const file of feeds)
      expect(feedCheck(file)?.(readFileSync(join(out, file), 'utf8')), file).toEqual([])
  })
})

describe('crawlSite', () => {
  it('finds a missing page, a missing id and a link that leaves the base path', () => {
    const out = tempDir()
    const page = (path: string, html: string) => {
      mkdirSync(join(out, path, '..'), { recursive: true })
      writeFileSync(join(out, path), html)
    }
    page('blog/index.html', '<a href="a/">a</a> <a href="a/#top">top</a> <img srcset="x.png 2x">')
    page('blog/a/index.html', '<h1 id="title">A</h1><a href="/other/">o</a><a href="../#x">x</a>')
    page('blog/rss.xml', '<link>https://s.example/blog/gone/</link>')
    const { broken } = crawlSite(out, { siteUrl: 'https://s.example/blog', basePath: '/blog' })
    expect(broken).toEqual([
      { page: 'blog/a/index.html', url: '/other/', why: 'outside the base path' },
      { page: 'blog/a/index.html', url: '../#x', why: 'no such id' },
      { page: 'blog/index.html', url: 'a/#top', why: 'no such id' },
      { page: 'blog/index.html', url: 'x.png', why: 'no file' },
      { page: 'blog/rss.xml', url: 'https://s.example/blog/gone/', why: 'no file' },
    ])
  })
})
