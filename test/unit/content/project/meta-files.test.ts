// readBdsMeta on real meta/ folders: where bDS reads category metadata, categories and tags
// (rfc1437/bDS src/main/engine/MetaEngine.ts syncOnStartup, PreviewServer.ts).

import { describe, expect, it } from 'vitest'
import { parseTags, readBdsMeta } from '../../../../src/content/project/index.js'
import { nodeFs } from '../../../../src/util/fs.js'
import { inlineSite } from '../../../helpers/site.js'

describe('readBdsMeta', () => {
  it('prefers meta/category-meta.json over the legacy project.json entry', async () => {
    const root = inlineSite(`
-- meta/category-meta.json --
{"aside": {"renderInLists": false, "showTitle": false, "title": "Kurz"}}
-- meta/project.json --
{"name": "x", "categoryMetadata": {"aside": {"renderInLists": true}}}
-- meta/categories.json --
["Article", "aside", " links ", ""]
-- meta/tags.json --
[{"name": "Technik", "color": "#f00"}, {"name": "Reisen"}, {"color": "no name"}]
`)
    const meta = await readBdsMeta(root, nodeFs)
    expect(meta.diagnostics).toEqual([])
    expect(meta.categoryMeta.aside).toEqual({
      renderInLists: false,
      showTitle: false,
      title: 'Kurz',
    })
    expect(meta.categoryMeta.links?.renderInLists).toBe(true)
    expect(meta.categories).toEqual(['article', 'aside', 'links'])
    expect(meta.tags).toEqual([{ name: 'Technik', color: '#f00' }, { name: 'Reisen' }])
  })

  it('reads the legacy categorySettings when there is no category-meta.json', async () => {
    const root = inlineSite(`
-- meta/project.json --
{"name": "x", "categorySettings": {"news": {"renderInLists": false}}}
`)
    const meta = await readBdsMeta(root, nodeFs)
    expect(meta.categoryMeta.news?.renderInLists).toBe(false)
    expect(meta.categoryMeta.page?.renderInLists).toBe(false)
  })

  it('uses the defaults, with a warning, when a file is not JSON; nothing when missing', async () => {
    const broken = await readBdsMeta(inlineSite('-- meta/category-meta.json --\n{oops\n'), nodeFs)
    expect(broken.categoryMeta.aside?.showTitle).toBe(false)
    expect(broken.diagnostics).toMatchObject([
      { code: 'BDS_CONFIG_PARSE', severity: 'warning', pos: { file: 'meta/category-meta.json' } },
    ])
    const empty = await readBdsMeta(inlineSite('-- posts/a.md --\nx\n'), nodeFs)
    expect(empty).toMatchObject({ categories: [], tags: [], diagnostics: [] })
  })

  it('reads tags given as plain strings too', () => {
    expect(parseTags(['a', ' ', 3])).toEqual([{ name: 'a' }])
    expect(parseTags({})).toEqual([])
  })
})
