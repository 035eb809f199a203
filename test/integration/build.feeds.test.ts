// Feeds of issue 18, item 4, built in memory and checked with a parser: JSON Feed 1.1 beside
// RSS and Atom in every language tree, feeds of tag, category and custom taxonomy archives
// (linked in their <head>), and every link in item content absolute — srcset, poster,
// unquoted attributes and fragments included.

import { describe, expect, it } from 'vitest'
import { build, memoryDeps } from '../../src/build/index.js'
import { checkAtom, checkJsonFeed, checkRss, feedCheck } from '../helpers/feeds.js'
import { MEMORY_ROOT, MEMORY_THEME, memorySite } from '../helpers/memory.js'

const config = {
  title: 'Feeds',
  url: 'https://feeds.example',
  author: 'Ada',
  languages: ['de'],
  feeds: { tags: true, categories: true },
  taxonomies: { series: { feeds: true } },
}

const site = (extra: Record<string, string> = {}, settings: object = config) =>
  memorySite({
    'bds.config.json': JSON.stringify(settings),
    'posts/a.md': [
      '---',
      'title: Media',
      'date: 2024-05-20 10:00',
      'tags: [photos]',
      'categories: [notes]',
      'series: Spring',
      '---',
      'See [the details](#details) and <a href=../../19/b/>b</a>.',
      '',
      '<img src="pic.png" srcset="pic-480.png 480w, /media/pic-960.png 960w" alt="">',
      "<video poster='still.jpg' src=clip.mp4></video>",
      '',
      '## Details',
      '',
      'More.',
    ].join('\n'),
    'posts/b.md': '---\ntitle: B\ndate: 2024-05-19\ntags: [photos]\nseries: [Spring]\n---\nB.\n',
    ...extra,
  })

async function built(fs = site()) {
  const deps = memoryDeps(fs, { templatesDir: MEMORY_THEME })
  const report = await build({ root: MEMORY_ROOT, strict: true }, deps)
  const read = (path: string) => {
    const bytes = deps.writer.files.get(path)
    if (!bytes) throw new Error(`${path} was not written`)
    return Buffer.from(bytes).toString('utf8')
  }
  return { report, files: [...deps.writer.files.keys()].sort(), read }
}

describe('feeds', () => {
  it('writes valid RSS, Atom and JSON Feed for each tree and each archive that asks', async () => {
    const { report, files, read } = await built()
    expect(report.diagnostics).toEqual([])
    const feeds = files.filter((f) => feedCheck(f))
    expect(feeds).toEqual(
      expect.arrayContaining([
        'feed.json',
        'de/feed.json',
        'tag/photos/rss.xml',
        'tag/photos/atom.xml',
        'tag/photos/feed.json',
        'category/notes/rss.xml',
        'series/Spring/feed.json',
        'de/series/Spring/atom.xml',
      ]),
    )
    expect(feeds).toHaveLength(3 * 2 * 4)
    for (const file of feeds) expect(feedCheck(file)?.(read(file)), file).toEqual([])
  })

  it('makes every link in item content absolute, fragments against the post', async () => {
    const { read } = await built()
    const json = JSON.parse(read('feed.json')) as { items: { content_html: string }[] }
    const html = json.items[0]?.content_html ?? ''
    const post = 'https://feeds.example/2024/05/20/a/'
    expect(html).toContain(`<a href="${post}#details">the details</a>`)
    expect(html).toContain('<a href="https://feeds.example/2024/05/19/b/">b</a>')
    expect(html).toContain(
      `srcset="${post}pic-480.png 480w, https://feeds.example/media/pic-960.png 960w"`,
    )
    expect(html).toContain(`<video poster="${post}still.jpg" src="${post}clip.mp4">`)
  })

  it('names what an archive feed is of, and links it from the archive', async () => {
    const { read } = await built()
    const rss = read('series/Spring/rss.xml')
    expect(rss).toContain('<title>Feeds · Series: Spring</title>')
    expect(rss).toContain('<link>https://feeds.example/series/Spring/</link>')
    expect(rss).toContain('href="https://feeds.example/series/Spring/rss.xml" rel="self"')
    expect(rss.match(/<item>/g)).toHaveLength(2)
    const page = read('series/Spring/index.html')
    expect(page).toContain(
      '<link rel="alternate" type="application/feed+json" title="Series: Spring (JSON Feed)" href="/series/Spring/feed.json">',
    )
    expect(page).toContain('<a href="/series/Spring/atom.xml">Atom</a>')
    const de = read('de/tag/photos/index.html')
    expect(de).toContain('href="/de/tag/photos/rss.xml"')
    expect(read('de/feed.json')).toContain('"feed_url": "https://feeds.example/de/feed.json"')
  })

  it('leaves out JSON Feed, and archive feeds, when the config says so', async () => {
    const { files, read } = await built(site({}, { ...config, feeds: { json: false } }))
    expect(files.filter((f) => f.endsWith('feed.json'))).toEqual([])
    // The series keeps its own feeds; tags and categories have none.
    expect(files.filter((f) => f.endsWith('rss.xml'))).toEqual([
      'de/rss.xml',
      'de/series/Spring/rss.xml',
      'rss.xml',
      'series/Spring/rss.xml',
    ])
    expect(read('index.html')).not.toContain('feed+json')
    expect(read('tag/photos/index.html')).not.toContain('/tag/photos/rss.xml')
  })
})

describe('the feed checks', () => {
  it('catch what a reader would trip over', () => {
    expect(checkRss('<rss version="2.0"><channel><title>t</title></channel></rss>')).toEqual([
      'channel <link> is missing',
      'channel <description> is missing',
      'channel <link> is not absolute',
      'no absolute self link',
    ])
    expect(checkAtom('<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>')).toEqual([
      'feed <id> is not an absolute IRI',
      'feed <updated> is not RFC 3339',
      'no absolute self link',
    ])
    expect(
      checkJsonFeed(
        JSON.stringify({
          version: 'https://jsonfeed.org/version/1.1',
          title: 't',
          items: [{ id: 'x', content_html: '<a href="#a">a</a>', date_published: '2024-05-20' }],
        }),
      ),
    ).toEqual([
      '/items/0/date_published must match pattern "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$"',
      'item 1: relative link #a',
    ])
    // Only the spec's keys, and extensions that start with `_`.
    expect(
      checkJsonFeed(
        JSON.stringify({
          version: 'https://jsonfeed.org/version/1.1',
          title: 't',
          home_page: 'https://feeds.example/',
          _reader: { seen: true },
          items: [{ id: 'x', content_text: 'a', summmary: 's' }],
        }),
      ),
    ).toEqual([
      '/ must NOT have additional properties (home_page)',
      '/items/0 must NOT have additional properties (summmary)',
    ])
  })
})
