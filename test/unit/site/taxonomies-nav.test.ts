// The page model of issue 18: custom taxonomies (collections, archives, term links on posts),
// archive feeds, the navigation list and excerpts whose links work on list pages.

import { describe, expect, it } from 'vitest'
import type { ResolvedConfig, Taxonomy } from '../../../src/config/index.js'
import { createPost, type Post } from '../../../src/content/index.js'
import {
  indexSite,
  listSpecs,
  navProblems,
  postView,
  siteNav,
  type Tree,
} from '../../../src/site/index.js'

const series: Taxonomy = { name: 'series', path: 'series', title: 'Series', feeds: true }
const defaults = { timezone: 'UTC', author: '', language: 'en', taxonomies: ['series'] }
const post = (file: string, fm: string, body = 'Body'): Post =>
  createPost(
    `---\n${fm}\n---\n${body}\n`,
    file,
    file.startsWith('pages/') ? 'page' : 'post',
    defaults,
  )

const posts = [
  post('posts/a.md', 'title: A\ndate: 2024-01-01\nseries: Bread\ntags: [x]'),
  post('posts/b.md', 'title: B\ndate: 2024-01-02\nseries: [Bread, Soup]'),
  post('posts/c.md', 'title: C\ndate: 2024-01-03'),
  post('pages/about.md', 'title: About'),
  post('pages/privacy.md', 'title: Privacy policy\nnav: false'),
  post('pages/contact.md', 'title: Contact\nnav_order: 1'),
  post('pages/imprint.md', 'title: Imprint\nnav_order: 2'),
]
const tree: Tree = { language: 'de', prefix: '/de', base: '' }
const index = indexSite(posts, 'UTC', undefined, tree, { taxonomies: [series], data: { a: 1 } })

describe('custom taxonomies', () => {
  it('groups terms like tags, with URLs in the tree', () => {
    expect(index.taxonomies.series).toEqual([
      { name: 'Bread', url: '/de/series/Bread/', count: 2 },
      { name: 'Soup', url: '/de/series/Soup/', count: 1 },
    ])
    expect(index.data).toEqual({ a: 1 })
  })

  it('gets paginated archives with their feeds, and tag archives feeds when asked', () => {
    const feeds = { formats: ['rss', 'json'] as const, tags: true, categories: false }
    const specs = listSpecs(index.collections, 'Site', 'de', '/de', {
      ...feeds,
      formats: [...feeds.formats],
    })
    const term = specs.find((s) => s.kind === 'term' && s.title.includes('Bread'))
    expect(term).toMatchObject({
      base: '/de/series/Bread/',
      title: 'Series: Bread',
      templates: ['series.liquid', 'term.liquid', 'list.liquid'],
      archive: { kind: 'term', taxonomy: 'series', name: 'Bread' },
    })
    expect(term?.posts.map((p) => p.title)).toEqual(['B', 'A'])
    expect(term?.feeds?.map((f) => `${f.url} ${f.type} ${f.title}`)).toEqual([
      '/de/series/Bread/rss.xml application/rss+xml Series: Bread (RSS)',
      '/de/series/Bread/feed.json application/feed+json Series: Bread (JSON Feed)',
    ])
    expect(specs.find((s) => s.kind === 'tag')?.feeds).toHaveLength(2)
    expect(listSpecs(index.collections, 'Site', 'de').some((s) => s.feeds)).toBe(false)
  })

  it("puts each post's terms, linked to their archives, on its view", () => {
    const b = posts[1] as Post
    const view = postView(
      { post: b, url: '/de/2024/01/02/b/', html: '', excerpt: '' },
      'https://s',
      index.collections,
      true,
      '/de',
    )
    expect(view.taxonomies).toEqual({
      series: [
        { name: 'Bread', url: '/de/series/Bread/' },
        { name: 'Soup', url: '/de/series/Soup/' },
      ],
    })
  })
})

describe('excerpts on list pages', () => {
  it('resolves relative links against the post', () => {
    const a = posts[0] as Post
    const excerpt = '<p>See <a href="../../02/b/">B</a> and <a href="#more">more</a>.</p>'
    const view = postView(
      { post: a, url: '/2024/01/01/a/', html: '', excerpt },
      'https://s',
      index.collections,
    )
    expect(view.excerpt).toBe(
      '<p>See <a href="/2024/01/02/b/">B</a> and <a href="/2024/01/01/a/#more">more</a>.</p>',
    )
  })
})

describe('navigation', () => {
  const pages = index.collections.pages
  const views = new Map(pages.map((p) => [p, { title: p.title, url: `/de/${p.slug}/` }]))
  const config = (nav?: ResolvedConfig['nav']) => ({ nav }) as ResolvedConfig

  it('lists pages by nav_order, then by title, without those marked nav: false', () => {
    expect(siteNav(config(), pages, views).map((n) => n.title)).toEqual([
      'Contact',
      'Imprint',
      'About',
    ])
  })

  it('follows the config list: pages by slug, links anywhere', () => {
    const nav = [
      { page: 'privacy', title: 'Privacy' },
      { title: 'Code', url: 'https://code.example/' },
      { page: 'about' },
      { page: 'missing', pos: { file: 'bds.config.json', line: 4, column: 5 } },
    ]
    expect(siteNav(config(nav), pages, views)).toEqual([
      { title: 'Privacy', url: '/de/privacy/', external: false },
      { title: 'Code', url: 'https://code.example/', external: true },
      { title: 'About', url: '/de/about/', external: false },
    ])
    expect(navProblems(config(nav), pages).map((e) => [e.code, e.severity, e.pos?.line])).toEqual([
      ['BDS_NAV_PAGE', 'warning', 4],
    ])
    const [typo] = navProblems(config([{ page: 'abuot' }]), pages)
    expect(typo?.message).toContain(
      'names the page "abuot", which does not exist; it was left out. Did you mean "about"?',
    )
  })
})
