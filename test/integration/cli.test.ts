// The real `bds` executable end to end: init, build, new, exit codes, --json, --strict, -C.

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { XMLValidator } from 'fast-xml-parser'
import { beforeAll, describe, expect, it } from 'vitest'
import { bds, listFiles, tempDir } from '../helpers/site.js'

describe('bds init + build', () => {
  let site: string
  beforeAll(() => {
    site = join(tempDir(), 'my-blog')
    const init = bds(['init', site, '--title', 'My "Blog"'])
    expect(init.status, init.stderr).toBe(0)
  })

  it('scaffolds config, two posts, a page, a static file, .gitignore and a Python macro', () => {
    const files = listFiles(site)
    expect(files).toEqual(
      expect.arrayContaining([
        '.gitignore',
        'bds.config.json',
        'pages/about.md',
        'static/favicon.svg',
        'scripts/hello.py',
      ]),
    )
    expect(files.filter((f) => f.startsWith('posts/'))).toHaveLength(2)
    expect(readFileSync(join(site, '.gitignore'), 'utf8')).toMatch(/^\.bds\/$/m)
    expect(readFileSync(join(site, '.gitignore'), 'utf8')).toMatch(/^dist\/$/m)
    expect(JSON.parse(readFileSync(join(site, 'bds.config.json'), 'utf8')).title).toBe('My "Blog"')
    expect(readFileSync(join(site, 'scripts/hello.py'), 'utf8')).toContain('kind: "macro"')
  })

  it('builds every route, feed and file, with valid XML', () => {
    const r = bds(['build', site, '--strict'])
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/Built \d+ files/)
    const out = listFiles(join(site, 'dist'))
    const post = out.find((f) => /^\d{4}\/\d{2}\/\d{2}\/welcome\/index\.html$/.test(f)) as string
    expect(post).toBeDefined()
    const page = readFileSync(join(site, 'dist', post), 'utf8')
    expect(page).toContain('<p class="hello">Hello, reader! You are reading Welcome to bds.</p>')
    expect(page).toMatch(/<(ul|p) class="related">/)
    expect(r.stdout).toMatch(/python: 2 calls · 0 errors · 0 timeouts · 0 worker restarts/)
    const [y, m, d] = post.split('/')
    for (const f of [
      'index.html',
      'about/index.html',
      '404.html',
      'rss.xml',
      'atom.xml',
      'sitemap.xml',
      'calendar.json',
      'favicon.svg',
      'assets/bds.css',
      'tag/bds/index.html',
      'category/news/index.html',
      `${y}/index.html`,
      `${y}/${m}/index.html`,
      `${y}/${m}/${d}/index.html`,
    ]) {
      expect(out, f).toContain(f)
    }
    for (const xml of ['rss.xml', 'atom.xml', 'sitemap.xml']) {
      expect(XMLValidator.validate(readFileSync(join(site, 'dist', xml), 'utf8')), xml).toBe(true)
    }
    const rss = readFileSync(join(site, 'dist/rss.xml'), 'utf8')
    expect(rss).toContain('&lt;h2 id=&quot;code&quot;&gt;Code&lt;/h2&gt;')
    expect(rss).toContain('href=&quot;https://example.com/about/&quot;')
    const sitemap = readFileSync(join(site, 'dist/sitemap.xml'), 'utf8')
    expect(sitemap).toContain(`<loc>https://example.com/${post.replace('index.html', '')}</loc>`)
    expect(sitemap).not.toContain('404')
    expect(
      JSON.parse(readFileSync(join(site, 'dist/calendar.json'), 'utf8')).years[y as string],
    ).toBe(2)
  })

  it('writes nothing on a second build and says so; --json has the same numbers', () => {
    const json = join(tempDir(), 'report.json')
    const r = bds(['build', site, '--json', json])
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toContain('Nothing changed')
    const report = JSON.parse(readFileSync(json, 'utf8'))
    expect(report).toMatchObject({
      ok: true,
      upToDate: true,
      outputs: { written: 0, removed: 0 },
      errors: 0,
      warnings: 0,
    })
    expect(report.outputs.total).toBeGreaterThan(15)
    expect(report.maxRssBytes).toBeGreaterThan(0)
  })

  it('creates a post with bds new and includes it in the next build', () => {
    const r = bds(['-C', site, 'new', 'post', 'Second thoughts', '--tags', 'a, b'])
    expect(r.status, r.stderr).toBe(0)
    const file = r.stdout.trim().replace('Created ', '')
    expect(readFileSync(join(site, file), 'utf8')).toMatch(
      /^title: "Second thoughts"\nslug: "second-thoughts"$/m,
    )
    const again = bds(['-C', site, 'new', 'post', 'Second thoughts'])
    expect(again.status).toBe(1)
    expect(again.stderr).toContain('BDS_NEW_EXISTS')
    const json = join(tempDir(), 'report.json')
    expect(bds(['-C', site, 'build', '--quiet', '--json', json]).status).toBe(0)
    const report = JSON.parse(readFileSync(json, 'utf8'))
    expect(report.upToDate).toBe(false)
    expect(report.outputs.written).toBeGreaterThan(3)
    expect(
      listFiles(join(site, 'dist')).some((f) => f.endsWith('second-thoughts/index.html')),
    ).toBe(true)
    expect(existsSync(join(site, 'dist/tag/a/index.html'))).toBe(true)
  })

  it('seeds only the missing default scripts with init --scripts', () => {
    const site = tempDir()
    writeFileSync(join(site, 'bds.config.json'), '{"title": "Old"}')
    mkdirSync(join(site, 'scripts'))
    writeFileSync(join(site, 'scripts/hello.py'), '# my own hello\n')
    const r = bds(['-C', site, 'init', '--scripts'])
    expect(r.status, r.stderr).toBe(0)
    expect(readFileSync(join(site, 'scripts/hello.py'), 'utf8')).toBe('# my own hello\n')
    expect(listFiles(site).sort()).toEqual([
      'bds.config.json',
      'scripts/hello.py',
      'scripts/reading_time.py',
      'scripts/related.py',
      'scripts/tag_domain.py',
    ])
    expect(bds(['-C', site, 'init', '--scripts']).stdout).toContain('already there')
  })

  it('refuses to init into a folder with files', () => {
    const r = bds(['init', site])
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('BDS_INIT_NOT_EMPTY')
  })
})

describe('exit codes and flags', () => {
  it('prints help with examples and exits 0', () => {
    for (const args of [
      ['--help'],
      ['build', '--help'],
      ['init', '--help'],
      ['new', 'post', '--help'],
    ]) {
      const r = bds(args)
      expect(r.status, args.join(' ')).toBe(0)
      expect(r.stdout, args.join(' ')).toContain('Examples:')
    }
  })

  it('exits 2 on usage errors', () => {
    expect(bds(['frobnicate']).status).toBe(2)
    expect(bds(['build', '--no-such-flag']).status).toBe(2)
    expect(bds(['build', '--out']).status).toBe(2)
  })

  it('exits 1 for a folder that is not a site', () => {
    const r = bds(['build', tempDir()])
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('BDS_SITE_NOT_FOUND')
  })

  it('--strict turns warnings into exit code 1; --drafts includes drafts; --out writes elsewhere', () => {
    const site = tempDir()
    writeFileSync(join(site, 'bds.config.json'), '{"title": "No URL"}')
    bds(['-C', site, 'new', 'post', 'Draft one', '--draft'])
    bds(['-C', site, 'new', 'post', 'Public one'])
    const loose = bds(['build', site])
    expect(loose.status).toBe(0)
    expect(loose.stderr).toContain('BDS_CONFIG_NO_URL')
    const strict = bds(['build', site, '--strict'])
    expect(strict.status).toBe(1)
    const out = join(tempDir(), 'public')
    expect(bds(['build', site, '--drafts', '--out', out]).status).toBe(0)
    const files = readdirSync(join(out)).length
    expect(files).toBeGreaterThan(3)
    expect(listFiles(out).some((f) => f.endsWith('draft-one/index.html'))).toBe(true)
    expect(listFiles(join(site, 'dist')).some((f) => f.endsWith('draft-one/index.html'))).toBe(
      false,
    )
  })
})
