// `bds watch` end to end (#8): the real CLI on a copy of fixtures/sites/blog, driven through
// its files and observed through HTTP and server-sent events. After every kind of change the
// served site must equal a clean full build of the same files.

import { existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { copyFixture, listFiles } from '../helpers/site.js'
import {
  cleanBuild,
  type EventStream,
  fetchText,
  followEvents,
  type Running,
  startWatch,
  treeDifferences,
  withoutClient,
} from '../helpers/watch.js'

const SCRIPT = 'scripts/shout.py'
const script = (word: string) =>
  `"""\n---\nslug: "shout"\nkind: "macro"\n---\n"""\n\ndef render(context, post):\n    return "${word}"\n`

/** The URL path that serves an output file. */
const urlPath = (file: string) =>
  `/${file
    .replace(/(^|\/)index\.html$/, '$1')
    .split('/')
    .map(encodeURIComponent)
    .join('/')}`

describe('bds watch', () => {
  let root: string
  let watch: Running
  let events: EventStream
  const file = (rel: string) => join(root, rel)
  const edit = (rel: string, fn: (t: string) => string) =>
    writeFileSync(file(rel), fn(readFileSync(file(rel), 'utf8')))
  const reloadWith = (path: string) =>
    events.next('reload', (d) => (d.changed as string[]).includes(path))

  /** Every page of a clean build is served with the same bytes, and dist/ equals it. */
  async function expectServedEqualsCleanBuild(): Promise<void> {
    const clean = await cleanBuild(root)
    expect(treeDifferences(join(root, 'dist'), clean)).toEqual([])
    // The output folder's record (a dotfile) is bds's, not the site's: it is not served.
    for (const f of listFiles(clean).filter((f) => !f.startsWith('.'))) {
      const served = await fetchText(watch.url + urlPath(f).slice(1))
      expect(served.status, f).toBe(200)
      const bytes = f.endsWith('.html') ? withoutClient(served.body) : served.body
      expect(bytes.equals(readFileSync(join(clean, f))), f).toBe(true)
    }
  }

  beforeAll(async () => {
    root = copyFixture('sites/blog')
    mkdirSync(file('scripts'), { recursive: true })
    writeFileSync(file(SCRIPT), script('hey'))
    writeFileSync(
      file('posts/2025/03/calls.md'),
      '---\ntitle: Calls\ndate: 2025-03-20\n---\n\nThe macro says [[shout]].\n',
    )
    watch = await startWatch(root, ['--debounce', '100'])
    events = await followEvents(`${watch.url}__bds/events`)
    await events.next('hello')
  })
  afterAll(async () => {
    events?.close()
    if (watch?.child.exitCode === null) await watch.stop()
  })

  it('serves the site: HTML with the client, the 404 page, no listings, nothing outside', async () => {
    await expectServedEqualsCleanBuild()
    const home = await fetchText(watch.url)
    expect(home.type).toBe('text/html; charset=utf-8')
    expect(home.body.toString()).toContain('<script src="/__bds/client.js"')
    expect(readFileSync(file('dist/index.html'), 'utf8')).not.toContain('__bds')
    expect((await fetchText(`${watch.url}assets/bds.css`)).type).toBe('text/css; charset=utf-8')
    const missing = await fetchText(`${watch.url}no/such/page/`)
    expect(missing.status).toBe(404)
    expect(withoutClient(missing.body).equals(readFileSync(file('dist/404.html')))).toBe(true)
    expect((await fetchText(`${watch.url}media/`)).status).toBe(404)
    const folder = await fetch(`${watch.url}about`, { redirect: 'manual' })
    expect([folder.status, folder.headers.get('location')]).toEqual([301, '/about/'])
    const { port } = new URL(watch.url)
    const raw = await new Promise<number | undefined>((done) =>
      request({ host: '127.0.0.1', port, path: '/..%2f..%2f..%2fetc%2fpasswd' }, (res) =>
        done(res.statusCode),
      ).end(),
    )
    expect(raw).toBe(403)
  })

  it('an edited post reloads its page', async () => {
    edit('posts/2024/11/lentil-soup.md', (t) => `${t}\nA brand new closing line.\n`)
    await reloadWith('2024/11/09/lentil-soup/index.html')
    const page = await fetchText(`${watch.url}2024/11/09/lentil-soup/`)
    expect(page.body.toString()).toContain('A brand new closing line.')
    await expectServedEqualsCleanBuild()
  })

  it('an edited template re-renders the pages that use it', async () => {
    writeFileSync(file('templates/partials/footer.liquid'), '<footer>Handmade footer</footer>')
    await reloadWith('index.html')
    expect((await fetchText(watch.url)).body.toString()).toContain('Handmade footer')
    await expectServedEqualsCleanBuild()
  })

  it('an edited Python macro script re-renders the pages that call it', async () => {
    const page = `${watch.url}2025/03/20/calls/`
    expect((await fetchText(page)).body.toString()).toContain('The macro says hey.')
    writeFileSync(file(SCRIPT), script('HEY'))
    await events.next('reload')
    expect((await fetchText(page)).body.toString()).toContain('The macro says HEY.')
    await expectServedEqualsCleanBuild()
  })

  it('an edited config rebuilds everything', async () => {
    edit('bds.config.json', (t) => t.replace('"Field Notes"', '"Field Notes, Revised"'))
    await reloadWith('index.html')
    expect((await fetchText(watch.url)).body.toString()).toContain('Field Notes, Revised')
    await expectServedEqualsCleanBuild()
  })

  it('a static file is copied and reloads pages', async () => {
    writeFileSync(file('static/robots.txt'), 'User-agent: *\nDisallow: /drafts/\n')
    const { data } = await reloadWith('robots.txt')
    expect(data.changed).toEqual(['robots.txt'])
    await expectServedEqualsCleanBuild()
  })

  it('a saved data file re-runs the Python macro that reads it, and only its pages change', async () => {
    writeFileSync(
      file('data/bikes.yaml'),
      '- {name: Tandem, since: 2025, km: 12, note: two seats}\n',
    )
    const { data } = await reloadWith('2024/12/31/year-in-kilometres/index.html')
    // The post, the feeds that carry its content and the search index that holds its text;
    // no other page reads the file.
    const feeds = ['', 'tag/review/', 'tag/rides/'].flatMap((d) =>
      ['rss.xml', 'atom.xml', 'feed.json'].map((f) => d + f),
    )
    const changed = data.changed as string[]
    expect(changed.filter((f) => !f.startsWith('pagefind/')).sort()).toEqual(
      ['2024/12/31/year-in-kilometres/index.html', ...feeds].sort(),
    )
    expect(changed.some((f) => f.startsWith('pagefind/fragment/'))).toBe(true)
    const page = await fetchText(`${watch.url}2024/12/31/year-in-kilometres/`)
    expect(page.body.toString()).toContain('<strong>Tandem</strong>')
    await expectServedEqualsCleanBuild()
  })

  it('a burst of saves is one rebuild', async () => {
    const paths = [1, 2, 3, 4].map((n) => `posts/2025/04/burst-${n}.md`)
    mkdirSync(file('posts/2025/04'))
    for (const [n, p] of paths.entries())
      writeFileSync(file(p), `---\ntitle: Burst ${n}\ndate: 2025-04-0${n + 1}\n---\n\nText.\n`)
    const { data } = await events.next('reload')
    for (const n of [0, 1, 2, 3])
      expect(data.changed).toContain(`2025/04/0${n + 1}/burst-${n + 1}/index.html`)
    await expectServedEqualsCleanBuild()
  })

  it('broken front matter shows the overlay and keeps the last good page; a fix clears it', async () => {
    const page = `${watch.url}2024/11/09/lentil-soup/`
    const before = (await fetchText(page)).body
    edit('posts/2024/11/lentil-soup.md', (t) => t.replace(/^date: (.*)$/m, 'date: [$1'))
    const { data } = await events.next('overlay', (d) => (d.errors as unknown[]).length > 0)
    expect((data.errors as Record<string, string>[])[0]).toMatchObject({
      code: 'BDS_FRONTMATTER_YAML',
      at: expect.stringMatching(/^posts\/2024\/11\/lentil-soup\.md:\d+:\d+$/),
      frame: expect.stringContaining('date: ['),
    })
    expect((await fetchText(page)).body.equals(before)).toBe(true)
    expect(watch.output()).toContain('BDS_FRONTMATTER_YAML')
    edit('posts/2024/11/lentil-soup.md', (t) => t.replace(/^date: \[(.*)$/m, 'date: $1'))
    await events.next('overlay', (d) => (d.errors as unknown[]).length === 0)
    await expectServedEqualsCleanBuild()
  })

  it('a misspelt macro shows a warning naming the nearest one; the fix clears it (#17)', async () => {
    const post = 'posts/2024/11/lentil-soup.md'
    edit(post, (t) => `${t}\n\n[[galery columns=2]]\n`)
    const { data } = await events.next('overlay', (d) => (d.errors as unknown[]).length > 0)
    expect(data.errors).toEqual([
      expect.objectContaining({
        code: 'BDS_MACRO_UNKNOWN',
        message: expect.stringContaining('Unknown macro "galery" (did you mean "gallery"?)'),
        at: expect.stringMatching(/^posts\/2024\/11\/lentil-soup\.md:\d+:1$/),
        warning: true,
      }),
    ])
    edit(post, (t) => t.replace('[[galery columns=2]]', '[[gallery columns=2]]'))
    await events.next('overlay', (d) => (d.errors as unknown[]).length === 0)
    await expectServedEqualsCleanBuild()
  })

  it('a deleted post disappears from the site', async () => {
    unlinkSync(file('posts/2025/04/burst-1.md'))
    await reloadWith('2025/04/01/burst-1/index.html')
    expect((await fetchText(`${watch.url}2025/04/01/burst-1/`)).status).toBe(404)
    await expectServedEqualsCleanBuild()
  })

  it('stops cleanly on SIGINT', async () => {
    events.close()
    expect(await watch.stop()).toBe(0)
    expect(watch.output()).toContain('bds: stopped watching.')
    expect(watch.output()).not.toContain('still running')
    expect(listFiles(join(root, 'dist')).filter((f) => f.includes('.bds-tmp'))).toEqual([])
    expect(existsSync(join(root, '.bds/build.db'))).toBe(true)
  })
})

describe('bds watch on a site whose config is broken at start', () => {
  it('serves the error overlay, keeps watching and builds once the config is fixed', async () => {
    const root = copyFixture('sites/blog')
    const config = join(root, 'bds.config.json')
    const good = readFileSync(config, 'utf8')
    writeFileSync(config, '{"title": "Field Notes",}')
    const watch = await startWatch(root)
    try {
      const page = await fetchText(watch.url)
      expect([page.status, page.body.toString()]).toEqual([
        404,
        expect.stringContaining('/__bds/client.js'),
      ])
      const events = await followEvents(`${watch.url}__bds/events`)
      const { data } = await events.next('overlay')
      expect((data.errors as Record<string, string>[])[0]).toMatchObject({
        code: 'BDS_CONFIG_PARSE',
        at: 'bds.config.json:1:25',
      })
      writeFileSync(config, good)
      await events.next('overlay', (d) => (d.errors as unknown[]).length === 0)
      await events.next('reload', (d) => (d.changed as string[]).includes('index.html'))
      events.close()
      expect(treeDifferences(join(root, 'dist'), await cleanBuild(root))).toEqual([])
    } finally {
      expect(await watch.stop()).toBe(0)
    }
  })
})
