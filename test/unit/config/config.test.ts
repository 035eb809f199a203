import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfig, resolveConfig } from '../../../src/config/index.js'

function site(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'bds-config-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  return root
}

describe('loadConfig', () => {
  it('reads bds.config.json and fills defaults', async () => {
    const root = site({ 'bds.config.json': '{"title": "T", "url": "https://x.example/"}' })
    const config = resolveConfig(await loadConfig(root), {}, root)
    expect(config).toMatchObject({
      title: 'T',
      url: 'https://x.example',
      timezone: 'UTC',
      postsPerPage: 10,
      language: 'en',
    })
    expect(config.paths.out).toBe(join(root, 'dist'))
    expect(Object.isFrozen(config)).toBe(true)
  })

  it('maps a bDS meta/project.json', async () => {
    const root = site({
      'meta/project.json':
        '{"name": "Demo", "description": "D", "publicUrl": "https://d.example", "mainLanguage": "de", "defaultAuthor": "G", "maxPostsPerPage": 900, "picoTheme": "azure"}',
    })
    const loaded = await loadConfig(root)
    expect(loaded.source).toBe('meta/project.json')
    expect(resolveConfig(loaded, {}, root)).toMatchObject({
      title: 'Demo',
      url: 'https://d.example',
      language: 'de',
      author: 'G',
      postsPerPage: 500,
    })
  })

  it('prefers bds.config.json over meta/project.json', async () => {
    const root = site({
      'bds.config.json': '{"title": "Own"}',
      'meta/project.json': '{"name": "bDS"}',
    })
    expect((await loadConfig(root)).config.title).toBe('Own')
  })

  it('accepts a folder with only posts/ and rejects one with nothing', async () => {
    expect((await loadConfig(site({ 'posts/a.md': 'x' }))).config).toEqual({})
    await expect(loadConfig(site({ 'notes.txt': 'x' }))).rejects.toMatchObject({
      code: 'BDS_SITE_NOT_FOUND',
    })
  })

  it.each([
    ['{"postsPerPage": 0}', 'postsPerPage', 1, 2],
    ['{\n  "url": "example.com"\n}', 'url', 2, 3],
    ['{"markdown": {"linkify": "yes"}}', 'markdown.linkify', 1, 15],
    ['{"title": "x", "outDir": "public"}', 'outDir', 1, 16],
    ['{"search": {"partSize": 0}}', 'search.partSize', 1, 13],
    ['{"search": "yes"}', 'search', 1, 2],
  ])('rejects %j naming %s at its position', async (json, key, line, column) => {
    const root = site({ 'bds.config.json': json })
    await expect(loadConfig(root)).rejects.toMatchObject({
      code: 'BDS_CONFIG_INVALID',
      message: expect.stringContaining(key),
      pos: { file: 'bds.config.json', line, column },
    })
  })
  it('reports every problem at once, in file order, with "did you mean" for a typo', async () => {
    // #14: a user fixes the whole file in one go, not one error per run.
    const json = [
      '{',
      '  "titel": "T",',
      '  "postsPerPage": "ten",',
      '  "python": {"workrs": 2},',
      '  "timezone": "Mars/Olympus",',
      '  "zzzzzzzz": 1',
      '}',
    ].join('\n')
    const error = await loadConfig(site({ 'bds.config.json': json })).catch((e: unknown) => e)
    const all = [error, ...((error as { related?: unknown[] }).related ?? [])] as {
      code: string
      message: string
      pos: { line: number; column: number }
    }[]
    expect(all.map((e) => [e.code, e.pos.line, e.pos.column, e.message])).toEqual([
      ['BDS_CONFIG_INVALID', 2, 3, 'Unknown key "titel". Did you mean "title"?'],
      ['BDS_CONFIG_INVALID', 3, 3, 'Key "postsPerPage" must be integer (found "ten").'],
      ['BDS_CONFIG_INVALID', 4, 14, 'Unknown key "python.workrs". Did you mean "python.workers"?'],
      ['BDS_CONFIG_INVALID', 5, 3, 'Unknown timezone "Mars/Olympus".'],
      ['BDS_CONFIG_INVALID', 6, 3, 'Unknown key "zzzzzzzz".'],
    ])
  })
})

describe('resolveConfig', () => {
  const loaded = { config: {}, positions: new Map() }
  it('splits the search index into parts of 5000 posts unless told otherwise', () => {
    const resolve = (search?: boolean | { partSize?: number }) => {
      const c = resolveConfig({ ...loaded, config: { search } }, {}, '/srv/site')
      return [c.search, c.searchPartSize]
    }
    expect(resolve()).toEqual([true, 5000])
    expect(resolve(false)).toEqual([false, 5000])
    expect(resolve({})).toEqual([true, 5000])
    expect(resolve({ partSize: 200 })).toEqual([true, 200])
  })
  it('refuses output folders that would hit the site', () => {
    const root = '/srv/site'
    for (const out of [
      '/srv/site',
      '/srv',
      '/srv/site/posts',
      '/srv/site/static/x',
      '/srv/site/.bds',
    ]) {
      expect(() => resolveConfig(loaded, { root, out }, '/'), out).toThrow(
        expect.objectContaining({ code: 'BDS_OUTPUT_UNSAFE' }),
      )
    }
    expect(resolveConfig(loaded, { root, out: '/srv/site/public' }, '/').paths.out).toBe(
      '/srv/site/public',
    )
    expect(resolveConfig(loaded, { root, out: '/srv/out' }, '/').paths.out).toBe('/srv/out')
  })

  it('rejects an unknown timezone at the key position', () => {
    const positions = new Map([['/timezone', { line: 3, column: 5 }]])
    expect(() =>
      resolveConfig(
        { config: { timezone: 'Nowhere/City' }, source: 'bds.config.json', positions },
        {},
        '/srv/site',
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'BDS_CONFIG_INVALID',
        pos: { file: 'bds.config.json', line: 3, column: 5 },
      }),
    )
  })
})
