// Every internal link of every fixture site's output resolves (issue 18, "Done when"): each
// href, src, poster and srcset of every page — list pages with their excerpts included — and
// the site's own URLs in feeds and the sitemap lead to a file, each `#id` to an id on its
// page; every feed of every fixture passes the feed checks, and a feed reader (feedsmith) finds
// the same items in the RSS, Atom and JSON Feed of each folder.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { build } from '../../dist/index.js'
import { crawlSite } from '../helpers/crawl.js'
import { readFeed } from '../helpers/feed-reader.js'
import { feedCheck } from '../helpers/feeds.js'
import { copyFixture, listFiles, tempDir } from '../helpers/site.js'

const sites: Record<string, string> = {
  blog: 'https://fieldnotes.example',
  'bds-project': 'https://demo.bds.example',
  macros: 'https://macros.example',
  python: 'https://python.example',
}

describe.each(Object.entries(sites))('fixtures/sites/%s', (site, siteUrl) => {
  let out: string
  beforeAll(async () => {
    out = join(tempDir(), 'out')
    await build({ root: copyFixture(`sites/${site}`), out })
  })

  it('has no broken internal link and only valid feeds', () => {
    const crawl = crawlSite(out, { siteUrl })
    expect(crawl.broken).toEqual([])
    expect(crawl.links).toBeGreaterThan(crawl.pages)
    const feeds = listFiles(out).filter((f) => feedCheck(f))
    expect(feeds.length).toBeGreaterThanOrEqual(3)
    for (const file of feeds)
      expect(feedCheck(file)?.(readFileSync(join(out, file), 'utf8')), file).toEqual([])
  })

  it('gives a feed reader the same feed in every format of each folder', () => {
    const folders = new Map<string, string[]>()
    for (const file of listFiles(out).filter((f) => feedCheck(f))) {
      const folder = file.slice(0, file.lastIndexOf('/') + 1)
      folders.set(folder, [...(folders.get(folder) ?? []), file])
    }
    expect(folders.get('')).toHaveLength(3)
    for (const files of folders.values()) {
      const read = files.map((f) => readFeed(f, readFileSync(join(out, f), 'utf8')))
      for (const [i, feed] of read.entries()) {
        const path = (files[i] as string).split('/').map(encodeURIComponent).join('/')
        expect(feed.self, files[i]).toBe(`${siteUrl}/${path}`)
        expect(feed.items.length, files[i]).toBeGreaterThan(0)
        for (const item of feed.items) {
          expect(item.published, item.id).not.toBeNaN()
          expect(item.content, item.id).toMatch(/^</)
        }
      }
      const [first, ...others] = read.map(({ format: _, self: __, ...same }) => same)
      for (const [i, other] of others.entries()) expect(other, files[i + 1]).toEqual(first)
    }
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
