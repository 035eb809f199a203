// Data files (issue 18, item 6): data/NAME.json and data/NAME.yaml read for templates and
// Python, a syntax error at its line and column, one name per file; and a taxonomy's terms
// in front matter.

import { describe, expect, it } from 'vitest'
import {
  changedData,
  createPost,
  parseDataFile,
  readDataFiles,
} from '../../../src/content/index.js'
import { isBdsError } from '../../../src/errors/index.js'
import { createMemoryFs } from '../../../src/util/memory-fs.js'

const config = { paths: { root: '/site', data: '/site/data' } } as Parameters<
  typeof readDataFiles
>[0]

function thrown(run: () => unknown) {
  try {
    run()
  } catch (error) {
    if (isBdsError(error))
      return `${error.code} ${error.pos?.file}:${error.pos?.line}:${error.pos?.column} ${error.message}`
    throw error
  }
  throw new Error('expected an error')
}

describe('data files', () => {
  it('reads JSON and YAML at the top of data/, by file name', async () => {
    const fs = createMemoryFs({
      '/site/data/authors.yaml': 'ada:\n  name: Ada\n  since: 2019-04-01\n',
      '/site/data/links.json': '[{"title": "Hugo", "url": "https://gohugo.io/"}]',
      '/site/data/notes/deep.json': '{}',
      '/site/data/README.md': '# not data',
    })
    const data = await readDataFiles(config, fs)
    expect(data.diagnostics).toEqual([])
    // YAML dates stay text, as in front matter.
    expect(data.values).toEqual({
      authors: { ada: { name: 'Ada', since: '2019-04-01' } },
      links: [{ title: 'Hugo', url: 'https://gohugo.io/' }],
    })
    expect(Object.keys(data.hashes).sort()).toEqual(['authors', 'links'])
  })

  it('has no data and no problem without a data folder', async () => {
    const data = await readDataFiles(config, createMemoryFs({}))
    expect(data).toMatchObject({ values: {}, diagnostics: [] })
  })

  it('names the line and column of a syntax error', () => {
    expect(thrown(() => parseDataFile('{\n  "a": 1,\n  "b" 2\n}', 'data/x.json'))).toBe(
      'BDS_DATA_PARSE data/x.json:3:7 Invalid JSON: Expected ":" after the property name but found "2".',
    )
    expect(thrown(() => parseDataFile('a: 1\nb: [1, 2\nc: 3\n', 'data/x.yaml'))).toMatch(
      /^BDS_DATA_PARSE data\/x.yaml:3:1 Invalid YAML: /,
    )
  })

  it('leaves out a bad file and a second file of the same name, and says so', async () => {
    const fs = createMemoryFs({
      '/site/data/a.json': '{"ok": true}',
      '/site/data/a.yaml': 'ok: false',
      '/site/data/b.yml': 'key: [unclosed',
    })
    const data = await readDataFiles(config, fs)
    expect(data.values).toEqual({ a: { ok: true } })
    expect(data.diagnostics.map((d) => `${d.code} ${d.pos?.file}`)).toEqual([
      'BDS_DATA_DUPLICATE data/a.yaml',
      'BDS_DATA_PARSE data/b.yml',
    ])
  })

  it('tells which names changed between two reads', async () => {
    const fs = createMemoryFs({ '/site/data/a.json': '1', '/site/data/b.json': '2' })
    const before = await readDataFiles(config, fs)
    fs.put('/site/data/b.json', '3')
    fs.put('/site/data/c.json', '4')
    expect([...changedData(before, await readDataFiles(config, fs))].sort()).toEqual(['b', 'c'])
  })
})

describe('taxonomy terms in front matter', () => {
  const d = { timezone: 'UTC', author: '', language: 'en', taxonomies: ['series', 'mood'] }

  it('reads one name or a list, trimmed and without repeats', () => {
    const post = createPost(
      '---\ndate: 2024-01-01\nseries: Bread basics\nmood: [calm, " calm ", 3]\n---\nx\n',
      'posts/a.md',
      'post',
      d,
    )
    expect(post.taxonomies).toEqual({ series: ['Bread basics'], mood: ['calm', '3'] })
    const none = createPost('---\ndate: 2024-01-01\n---\nx\n', 'posts/b.md', 'post', d)
    expect(none.taxonomies).toBeUndefined()
  })

  it('rejects a value that is not a name, at its key', () => {
    expect(
      thrown(() =>
        createPost('---\ndate: 2024-01-01\nseries: {a: 1}\n---\n', 'posts/a.md', 'post', d),
      ),
    ).toBe('BDS_FRONTMATTER_INVALID posts/a.md:3:1 "series" must be a name or a list of names.')
  })
})
