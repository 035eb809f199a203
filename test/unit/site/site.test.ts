import { describe, expect, it } from 'vitest'
import { createPost, type Post } from '../../../src/content/index.js'
import { absolutizeHtml, renderCalendar, renderSitemap } from '../../../src/render/index.js'
import { collect } from '../../../src/site/collections.js'
import { listSpecs } from '../../../src/site/lists.js'
import { createRouteTable } from '../../../src/site/route-table.js'
import { outputPath, pageUrl, postUrl, termUrl } from '../../../src/site/routes.js'

const defaults = { timezone: 'UTC', author: '', language: 'en' }
const post = (file: string, fm: string): Post =>
  createPost(`---\n${fm}\n---\nBody\n`, file, file.startsWith('pages/') ? 'page' : 'post', defaults)

describe('routes', () => {
  it('follows the bDS URL scheme', () => {
    const p = post('posts/a.md', 'title: A\ndate: 2024-03-05 23:30\nslug: hello')
    expect(postUrl(p, 'UTC')).toBe('/2024/03/05/hello/')
    expect(postUrl(p, 'Asia/Tokyo')).toBe('/2024/03/06/hello/')
    expect(postUrl(post('pages/about.md', 'title: About'), 'UTC')).toBe('/about/')
    expect(postUrl(post('pages/x.md', 'title: Nihon\nslug: 日本'), 'UTC')).toBe(
      '/%E6%97%A5%E6%9C%AC/',
    )
    expect(outputPath('/%E6%97%A5%E6%9C%AC/')).toBe('日本/index.html')
    expect(termUrl('tag', 'open source')).toBe('/tag/open%20source/')
    expect(termUrl('category', 'café')).toBe('/category/caf%C3%A9/')
    expect(pageUrl('/tag/x/', 1)).toBe('/tag/x/')
    expect(pageUrl('/tag/x/', 3)).toBe('/tag/x/page/3/')
    expect(outputPath('/tag/open%20source/page/2/')).toBe('tag/open source/page/2/index.html')
    expect(outputPath('/')).toBe('index.html')
  })

  it('names both sources of a conflicting output path', () => {
    const routes = createRouteTable()
    expect(routes.claim('a/index.html', 'posts/one.md')).toBe(true)
    expect(routes.claim('a/index.html', 'posts/two.md')).toBe(false)
    expect(routes.diagnostics[0]).toMatchObject({
      code: 'BDS_ROUTE_CONFLICT',
      pos: { file: 'posts/two.md' },
    })
    expect(routes.diagnostics[0]?.message).toContain('posts/one.md')
  })
})

describe('collections', () => {
  const posts = [
    post('posts/1.md', 'title: One\ndate: 2024-01-10\ntags: [Go, web]\ncategories: [code]'),
    post('posts/2.md', 'title: Two\ndate: 2024-02-01\ntags: [go]\ncategories: [code]'),
    post(
      'posts/3.md',
      'title: Three\ndate: 2024-02-01 12:00\ncategories: [aside-hidden]\ntags: [go]',
    ),
    post('posts/4.md', 'title: Four\ndate: 2023-12-31\ntags: [web, Go]'),
    post('pages/about.md', 'title: About'),
  ]
  // A category whose bDS category-meta says renderInLists: false.
  const c = collect(posts, 'UTC', (p) => !p.categories.includes('aside-hidden'))

  it('lists list posts newest first; a post of a hidden category keeps its page only', () => {
    expect(c.listed.map((p) => p.title)).toEqual(['Two', 'One', 'Four'])
    expect(c.posts.map((p) => p.title)).toEqual(['Three', 'Two', 'One', 'Four'])
    expect(c.pages.map((p) => p.title)).toEqual(['About'])
  })

  it('merges tags case-insensitively and groups dates', () => {
    expect(c.tags.map((t) => [t.name, t.posts.length])).toEqual([
      ['Go', 3],
      ['web', 2],
    ])
    expect(c.years.map((g) => g.key.year)).toEqual([2024, 2023])
    expect(c.months).toHaveLength(3)
    expect(c.days).toHaveLength(3)
  })

  it('builds list specs with titles in the site language', () => {
    const specs = listSpecs(c, 'Site', 'de')
    expect(specs.map((s) => `${s.kind} ${s.base} ${s.title}`)).toContain(
      'month /2024/02/ Februar 2024',
    )
    expect(specs[0]).toMatchObject({ kind: 'home', base: '/', title: 'Site' })
  })

  it('counts posts for calendar.json', () => {
    expect(JSON.parse(renderCalendar(c, 'UTC'))).toEqual({
      years: { '2023': 1, '2024': 2 },
      months: { '2023-12': 1, '2024-01': 1, '2024-02': 1 },
      days: { '2023-12-31': 1, '2024-01-10': 1, '2024-02-01': 1 },
    })
  })
})

describe('feeds and sitemap', () => {
  it('makes links absolute, fragments against the post', () => {
    const html =
      '<a href="/a/">x</a><img src="pic.png"><a href="#top">t</a><a href="mailto:x@y">m</a><a href="https://o/">o</a>'
    expect(absolutizeHtml(html, 'https://s.example/2024/01/01/p/')).toBe(
      '<a href="https://s.example/a/">x</a><img src="https://s.example/2024/01/01/p/pic.png"><a href="https://s.example/2024/01/01/p/#top">t</a><a href="mailto:x@y">m</a><a href="https://o/">o</a>',
    )
  })

  it('writes a sorted sitemap with lastmod', () => {
    const xml = renderSitemap('https://s.example', [
      { url: '/b/' },
      { url: '/a/', lastmod: new Date('2024-01-02T03:04:05Z') },
    ])
    expect(xml).toContain(
      '<url><loc>https://s.example/a/</loc><lastmod>2024-01-02T03:04:05Z</lastmod></url>\n<url><loc>https://s.example/b/</loc></url>',
    )
  })
})
