// What a call reads of the site data, as the real harness reports it (#16): each function of
// the `bds` module and each key of bds_api's data names its part, a call that reads nothing
// names nothing, and what a script's module state may carry counts for its later calls, as
// does what a utility module's top level read.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PythonHost, SiteData } from '../../src/python/index.js'
import { call, py, script, testHost } from '../helpers/python.js'

const post = (slug: string) => ({ slug, title: slug.toUpperCase(), url: `/${slug}/` })
const site: SiteData = {
  config: { title: 'T' },
  posts: [post('a'), post('b')],
  tags: [{ name: 't', url: '/tag/t/', count: 1 }],
  categories: [],
  api: { posts: [{ id: '1', slug: 'a', createdAt: '2024-01-01' }], project: { name: 'P' } },
}

let host: PythonHost
beforeAll(async () => {
  host = testHost({ workers: 1 })
  await host.start()
  host.setSiteData(site)
})
afterAll(() => host.stop())

const reads = async (name: string, ...lines: string[]) => {
  const r = await call(host, script(name, py(...lines)), {})
  expect(r.error).toBeUndefined()
  return r.reads
}

describe('tracked reads', () => {
  it('names nothing for a call that reads no site data', async () => {
    expect(await reads('none', 'def render(c):', '    return "x"')).toEqual([])
  })

  it('names each part of the bds module a call reads', async () => {
    expect(
      await reads(
        'all',
        'import bds',
        'def render(c):',
        '    bds.config(); bds.tags(); bds.categories()',
        '    bds.post("a"); bds.post(7); bds.url_for("b"); bds.url_for({"slug": "zz"})',
        '    return "x"',
      ),
    ).toEqual(['categories', 'config', 'post:a', 'post:b', 'post:zz', 'tags'])
    expect(
      await reads('list', 'import bds', 'def render(c):', '    return len(bds.posts())'),
    ).toEqual(['posts'])
  })

  it('names the keys of bds_api data an answer came from', async () => {
    expect(
      await reads(
        'api',
        'from bds_api import bds',
        'async def render(c):',
        '    await bds.posts.get_by_slug("a")',
        '    await bds.meta.get_project_metadata()',
        '    return "x"',
      ),
    ).toEqual(['api:posts', 'api:project'])
  })

  it("carries a script's reads to its later calls (module state may hold them)", async () => {
    const s = script(
      'memo',
      py(
        'import bds',
        'TITLE = bds.config()["title"]',
        'seen = []',
        'def render(c):',
        '    if not seen:',
        '        seen.append(bds.post("a"))',
        '    return TITLE',
      ),
    )
    const [first, second] = await host.run([
      { script: s, args: [{ n: 1 }] },
      { script: s, args: [{ n: 2 }] },
    ])
    expect(first?.reads).toEqual(['config', 'post:a'])
    expect(second?.reads).toEqual(['config', 'post:a'])
  })

  it("counts what a utility module's top level read for every call (any script may hold it)", async () => {
    const source = 'import bds\nHOME = bds.data("links")["home"]\n'
    const modules = [{ name: 'links_util', file: 'scripts/links_util.py', source, hash: 'u1' }]
    host.setSiteData({ ...site, data: { links: { home: '/' } }, modules })
    try {
      const user = script(
        'user',
        py('import links_util', 'def render(c):', '    return links_util.HOME'),
      )
      const r = await call(host, user, {})
      expect(r.value).toBe('/')
      expect(r.reads).toEqual(['data:links'])
      expect(await reads('later', 'def render(c):', '    return "x"')).toEqual(['data:links'])
    } finally {
      host.setSiteData(site)
    }
    // Without the module, nothing it read counts any more.
    expect(await reads('after', 'def render(c):', '    return "x"')).toEqual([])
  })

  it('counts many single posts as all of them', async () => {
    const r = await reads(
      'many',
      'import bds',
      'def render(c):',
      '    for i in range(600):',
      '        bds.post(f"p{i}")',
      '    bds.tags()',
      '    return "x"',
    )
    expect(r).toEqual(['posts', 'tags'])
  })
})
