// The config keys of issue 18: feeds (JSON Feed, archive feeds), custom taxonomies and the
// navigation list — defaults, and errors at the key's line and column.

import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfig, resolveConfig } from '../../../src/config/index.js'

async function resolved(text: string) {
  const root = mkdtempSync(join(tmpdir(), 'bds-config-'))
  writeFileSync(join(root, 'bds.config.json'), text)
  return resolveConfig(await loadConfig(root), {}, root)
}

async function problems(text: string) {
  const error = await resolved(text).catch((e: unknown) => e)
  const all = [error, ...((error as { related?: unknown[] }).related ?? [])] as {
    code: string
    message: string
    pos: { line: number; column: number }
  }[]
  return all.map((e) => `${e.code} ${e.pos.line}:${e.pos.column} ${e.message}`)
}

describe('feeds, taxonomies and nav in bds.config.json', () => {
  it('defaults: JSON Feed beside RSS and Atom, no archive feeds, no taxonomies, no nav', async () => {
    const config = await resolved('{}')
    expect(config.feeds).toEqual({
      formats: ['rss', 'atom', 'json'],
      tags: false,
      categories: false,
    })
    expect(config.taxonomies).toEqual([])
    expect(config.nav).toBeUndefined()
    expect(config.paths.data).toMatch(/\/data$/)
  })

  it('resolves each setting', async () => {
    const config = await resolved(
      JSON.stringify({
        feeds: { json: false, tags: true },
        taxonomies: { series: { feeds: true }, reading_list: { path: 'reading', title: 'Books' } },
        nav: [{ page: 'about' }, { title: 'Code', url: 'https://code.example/' }],
      }),
    )
    expect(config.feeds).toEqual({ formats: ['rss', 'atom'], tags: true, categories: false })
    expect(config.taxonomies).toEqual([
      { name: 'series', path: 'series', title: 'Series', feeds: true },
      { name: 'reading_list', path: 'reading', title: 'Books', feeds: false },
    ])
    expect(config.nav).toEqual([
      { page: 'about', pos: { file: 'bds.config.json', line: 1, column: 133 } },
      { title: 'Code', url: 'https://code.example/', pos: expect.anything() },
    ])
  })

  it('reports names and paths that clash with bds, and nav entries that name nothing', async () => {
    const text = [
      '{',
      '  "taxonomies": {',
      '    "tags": {},',
      '    "Series": {},',
      '    "shelf": {"path": "tag"},',
      '    "topics": {"path": "reading"},',
      '    "books": {"path": "reading"},',
      '    "years": {"path": "2024"}',
      '  },',
      '  "nav": [{"title": "No URL"}, {"page": "about", "url": "/about/"}, {"url": "/x/"}]',
      '}',
    ].join('\n')
    expect(await problems(text)).toEqual([
      'BDS_CONFIG_INVALID 3:5 The taxonomy "tags" has the name of a front matter key bds reads.',
      'BDS_CONFIG_INVALID 4:5 The name "Series" must start with a lower-case letter and hold only a-z, 0-9 and _.',
      'BDS_CONFIG_INVALID 5:5 The taxonomy "shelf" would have its archives at /tag/, a URL bds uses.',
      'BDS_CONFIG_INVALID 7:5 The taxonomies "topics" and "books" have the same path /reading/.',
      'BDS_CONFIG_INVALID 8:5 The taxonomy "years" would have its archives at /2024/, a URL bds uses.',
      'BDS_CONFIG_INVALID 10:11 A "nav" entry needs "page" (a page slug), or "title" and "url".',
      'BDS_CONFIG_INVALID 10:32 A "nav" entry has either "page" or "url", not both.',
      'BDS_CONFIG_INVALID 10:69 A "nav" entry needs "page" (a page slug), or "title" and "url".',
    ])
  })

  it('suggests the key meant inside a taxonomy', async () => {
    const [first] = await problems('{"taxonomies": {"series": {"feed": true}}}')
    expect(first).toContain(
      'Unknown key "taxonomies.series.feed". Did you mean "taxonomies.series.feeds"?',
    )
  })
})
