// What a template's output depends on (#8, watch mode's page keys): the files it reads
// through layouts and partials (also inside {% cache %}), the site.* globals, summaries.

import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createTemplateDeps, loadTemplateStore } from '../../../src/render/index.js'
import { nodeFs } from '../../../src/util/fs.js'
import { tempDir } from '../../helpers/site.js'

async function depsOf(files: Record<string, string>) {
  const dir = tempDir()
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true })
    writeFileSync(join(dir, name), text)
  }
  const store = await loadTemplateStore(dir, join(dir, 'none'), dir, nodeFs)
  return createTemplateDeps(store, {
    origin: 'https://x',
    basePath: '',
    timezone: 'UTC',
    language: 'en',
    globals: {},
  })
}

describe('template dependencies', () => {
  it('follows layouts and partials, also inside the cache tag', async () => {
    const deps = await depsOf({
      'base.liquid':
        "<title>{{ site.title }}</title>{% cache 'f' %}{% render 'foot' %}{% endcache %}{% block %}{% endblock %}",
      'foot.liquid': '{% for y in site.years %}{{ y.year }}{% endfor %}',
      'post.liquid': "{% layout 'base.liquid' %}{{ post.title }}{% include 'unused-by-list' %}",
      'unused-by-list.liquid': 'static text',
      'list.liquid':
        "{% layout 'base.liquid' %}{% for p in posts %}{{ p.summary_html }}{% endfor %}",
    })
    expect(deps('post.liquid')).toMatchObject({
      files: ['base.liquid', 'foot.liquid', 'post.liquid', 'unused-by-list.liquid'],
      site: ['title', 'years'],
      summary: false,
    })
    expect(deps('list.liquid')).toMatchObject({
      files: ['base.liquid', 'foot.liquid', 'list.liquid'],
      summary: true,
    })
    expect(deps('post.liquid').hash).not.toBe(deps('list.liquid').hash)
  })

  it('counts on everything when it cannot know', async () => {
    const deps = await depsOf({
      'a.liquid': '{% render name %}',
      'b.liquid': '{{ site[key] }}',
      'c.liquid': '{{ post.title ',
      'd.liquid': 'plain',
    })
    const all = ['a.liquid', 'b.liquid', 'c.liquid', 'd.liquid']
    expect(deps('a.liquid')).toMatchObject({ files: all, site: 'all', summary: true })
    expect(deps('b.liquid')).toMatchObject({ files: ['b.liquid'], site: 'all', summary: true })
    expect(deps('c.liquid')).toMatchObject({ files: all, site: 'all' })
    expect(deps('d.liquid')).toMatchObject({ files: ['d.liquid'], site: [], summary: false })
  })
})
