// A bDS project builds as bDS builds it (#12): the bds-project fixture, written the way the
// bDS app writes its files, checked point by point against bDS's semantics (docs/bds-compat.md
// names the bDS source of each). The Python macros run in the real sandboxed pool.

import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { XMLParser } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../../dist/index.js'
import { bdsInProcess } from '../helpers/cli.js'
import { sharedPython } from '../helpers/python.js'
import { copyFixture, inlineSite, repoRoot, tempDir } from '../helpers/site.js'

let root: string
let out: string
const page = (path: string) => readFileSync(join(out, path), 'utf8')
const exists = (path: string) => existsSync(join(out, path))
const xml = new XMLParser({ ignoreAttributes: false })
// Builds share one warm pool (the CLI runs make their own, as users' builds do).
const shared = sharedPython()
afterAll(() => shared.stop())

beforeAll(async () => {
  root = copyFixture('sites/bds-project')
  out = join(tempDir(), 'out')
  const report = await build({ root, out, strict: true }, { python: shared.python })
  expect(report.diagnostics).toEqual([])
})

describe('a bDS project', () => {
  it('1: reads media sidecars as bDS writes them (unescaped quotes, no final newline)', async () => {
    const html = page('2025/06/10/alle-makros/index.html')
    expect(html).toContain('alt="Abendhimmel über den Dächern"')
    expect(html).toContain('data-title="Der Himmel war &quot;unverschämt&quot; orange, sagte sie"')
    expect(html).toMatch(/macro-photo-archive[\s\S]*Mai 2025[\s\S]*Blaues Meer/)
  })

  it('2: lists list posts only; a hidden category keeps its permalink; asides show no title', async () => {
    expect(exists('2025/05/10/lesenswert-commonmark/index.html')).toBe(true)
    const home = page('index.html') + page('page/2/index.html')
    expect(home).not.toContain('lesenswert-commonmark')
    expect(exists('2025/05/10/index.html')).toBe(false)
    expect(page('rss.xml')).not.toContain('lesenswert-commonmark')
    expect(JSON.parse(page('calendar.json')).days['2025-05-10']).toBeUndefined()
    const aside =
      /<article class="post-summary">(?:(?!<\/article>)[\s\S])*kurz-notiert[\s\S]*?<\/article>/.exec(
        page('2025/04/index.html'),
      )?.[0]
    expect(aside).toBeDefined()
    expect(aside).not.toContain('<h2')
  })

  it('3: renders published posts only; no archive for a tag only archived posts use', async () => {
    expect(exists('2025/04/02/alte-reise/index.html')).toBe(false)
    expect(page('sitemap.xml')).not.toContain('alte-reise')
    expect(exists('tag/Archiv/index.html')).toBe(false)
    expect(page('rss.xml')).not.toContain('radtour')
    expect(JSON.stringify(JSON.parse(page('.bds-output.json')).files)).not.toContain('radtour')
  })

  it('4: builds the /en/ subtree from translations; doNotTranslate stays out', async () => {
    const en = page('en/2025/03/02/hallo-welt/index.html')
    expect(en).toContain('<html lang="en">')
    expect(en).toContain('<h1 class="post-title">Hello World</h1>')
    expect(en).toContain('hreflang="de" href="https://demo.bds.example/2025/03/02/hallo-welt/"')
    expect(en).toMatch(/language-switcher[\s\S]*href="\/2025\/03\/02\/hallo-welt\/"[^>]*>Deutsch/)
    expect(page('2025/03/02/hallo-welt/index.html')).toContain('<html lang="de">')
    expect(exists('en/impressum/index.html')).toBe(false)
    expect(exists('en/rss.xml')).toBe(true)
    expect(page('en/index.html')).toContain('Older posts →')
    expect(page('index.html')).toContain('Ältere Beiträge →')
    // The translation's macro call ran in its subtree, with its links in the subtree.
    expect(en).toMatch(/class="related-posts"><li><a href="\/en\/2025\//)
  })

  it('5: feeds keep bDS item ids: permalinks without a trailing slash, maxPostsPerPage items', async () => {
    const rss = xml.parse(page('rss.xml')).rss.channel
    expect(rss.item).toHaveLength(4)
    expect(rss.item[0].guid['#text']).toBe('https://demo.bds.example/2025/06/21/sommerabend')
    expect(rss.item[0].link).toBe('https://demo.bds.example/2025/06/21/sommerabend')
    const atom = xml.parse(page('en/atom.xml')).feed
    expect(atom.id).toBe('https://demo.bds.example/en/')
    expect(atom.entry[0].id).toBe('https://demo.bds.example/en/2025/06/21/sommerabend')
  })

  it('6: rewrites old-style post, date and media links to canonical URLs', async () => {
    const html = page('2025/06/10/alle-makros/index.html')
    expect(html).toContain('<a href="/2025/03/02/hallo-welt/">Hallo Welt</a>')
    expect(html).toContain('<a href="/2025/05/03/ein-tag-am-meer/">das Meer</a>')
    expect(html).toContain(
      'src="/media/2025/05/12e3094e-3e2e-47b7-9e13-5aa4ef37e55c.png" alt="Strand"',
    )
  })

  it('7: gives a page post its permalink and /slug/, both naming /slug/ as canonical', async () => {
    const canonical = '<link rel="canonical" href="https://demo.bds.example/impressum/">'
    expect(page('impressum/index.html')).toContain(canonical)
    expect(page('2025/06/01/impressum/index.html')).toContain(canonical)
  })

  it('8: renders built-in macros as bDS does (any youtube id, the tag cloud canvas)', async () => {
    const html = page('2025/06/10/alle-makros/index.html')
    expect(html).toContain('src="https://www.youtube.com/embed/abc123?rel=0"')
    expect(html).toMatch(/<svg class="tag-cloud-canvas" viewBox="0 0 640 320"/)
    expect(html).toContain('aria-label="Tag-Wolke"')
  })

  it('9: runs a bDS script that imports bds_api', async () => {
    expect(page('en/2025/03/02/hallo-welt/index.html')).toContain('class="related-posts"')
  })
})

describe('settings of a bDS project', () => {
  it('10: bds.config.json beside meta/project.json sets the timezone; without it a note says which', async () => {
    const site = copyFixture('sites/bds-project')
    const noted = await bdsInProcess(['build', site, '--out', join(tempDir(), 'a')], repoRoot)
    expect(noted.status).toBe(0)
    expect(noted.stderr.match(/note: This bDS project sets no timezone/g)).toHaveLength(1)
    writeFileSync(join(site, 'bds.config.json'), '{"timezone": "Pacific/Kiritimati"}\n')
    const dir = join(tempDir(), 'b')
    const r = await bdsInProcess(['build', site, '--out', dir], repoRoot)
    expect(r.status).toBe(0)
    expect(r.stderr).not.toContain('sets no timezone')
    // 2025-06-21T20:00Z is the 22nd at UTC+14; the title still comes from project.json.
    expect(existsSync(join(dir, '2025/06/22/sommerabend/index.html'))).toBe(true)
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toContain('Blogging Desktop Server Demo')
  })

  it('6: a link that names no post is a warning at its file and line', async () => {
    const site = inlineSite(`-- bds.config.json --
{"title": "Links", "url": "https://links.example"}
-- posts/2024/01/a.md --
---
title: A
date: 2024-01-02
---
First line.

See [gone](/post/no-such-post) and [fine](/post/a).
`)
    const report = await build({ root: site }, { python: shared.python })
    const warning = report.diagnostics.find((d) => d.code === 'BDS_LINK_UNRESOLVED')
    expect(warning).toMatchObject({ file: 'posts/2024/01/a.md', line: 7 })
    const html = readFileSync(join(site, 'dist/2024/01/02/a/index.html'), 'utf8')
    expect(html).toContain('<a href="/post/no-such-post">gone</a>')
    expect(html).toContain('<a href="/2024/01/02/a/">fine</a>')
  })
})
