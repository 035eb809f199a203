// The `{% macro %}` tag and the `macro` filter (issue 17): names and values are Liquid
// expressions, a bare key is a flag, nil is left out and a list is dropped, every call knows
// its template position and the page it renders in; a misspelt tag or filter names the
// nearest one; an engine without macros renders calls as nothing.

import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isBdsError } from '../../../src/errors/index.js'
import {
  createTemplates,
  loadTemplateStore,
  type TemplateMacroCall,
  type TemplateMacros,
} from '../../../src/render/index.js'
import { nodeFs } from '../../../src/util/fs.js'
import { tempDir } from '../../helpers/site.js'

async function engine(files: Record<string, string>, macros?: TemplateMacros) {
  const dir = tempDir()
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true })
    writeFileSync(join(dir, name), text)
  }
  const store = await loadTemplateStore(join(dir, 'none'), dir, dir, nodeFs)
  const options = {
    origin: 'https://x',
    basePath: '',
    timezone: 'UTC',
    language: 'en',
    globals: {},
  }
  return createTemplates(store, { ...options, macros })
}

/** Records every call with the page it was made on, and answers `[name]`. */
function recorder() {
  const calls: (TemplateMacroCall & { page?: unknown })[] = []
  const pages: unknown[] = []
  const macros: TemplateMacros = {
    enter: (scope) => pages.push((scope.page as { url?: string } | undefined)?.url),
    leave: () => pages.pop(),
    call: (c) => {
      calls.push({ ...c, page: pages.at(-1) })
      return `[${c.name}]`
    },
  }
  return { calls, macros }
}

describe('macros in a template', () => {
  it('evaluates the name and the values, with flags, nil and lists', async () => {
    const { calls, macros } = recorder()
    const t = await engine(
      {
        'page.liquid':
          "<p>{% macro 'Badge', text: post.title, n: 2, wide, none: nothing, tags: post.tags %}</p>\n" +
          "{% assign which = 'tag_cloud' %}{% macro which %}{{ 'shout' | macro: text: 'hi', big: true }}",
      },
      macros,
    )
    const html = t.render('page.liquid', {
      page: { url: '/a/' },
      post: { title: 'T', tags: ['x'] },
    })
    expect(html).toBe('<p>[badge]</p>\n[tag_cloud][shout]')
    expect(calls).toEqual([
      {
        name: 'badge',
        params: { text: 'T', n: 2, wide: true },
        text: { text: 'T', n: '2', wide: 'true' },
        dropped: ['tags'],
        pos: { file: 'page.liquid', line: 1, column: 4 },
        page: '/a/',
      },
      {
        name: 'tag_cloud',
        params: {},
        text: {},
        dropped: [],
        pos: { file: 'page.liquid', line: 2, column: 33 },
        page: '/a/',
      },
      {
        name: 'shout',
        params: { text: 'hi', big: true },
        text: { text: 'hi', big: 'true' },
        dropped: [],
        pos: expect.objectContaining({ file: 'page.liquid', line: 2 }),
        page: '/a/',
      },
    ])
  })

  it('knows the file of a partial a call is in', async () => {
    const { calls, macros } = recorder()
    const t = await engine(
      { 'page.liquid': "x{% render 'side.liquid' %}", 'side.liquid': "\n  {% macro 'who' %}" },
      macros,
    )
    t.render('page.liquid', { page: { url: '/b/' } })
    expect(calls.map((c) => [c.pos, c.page])).toEqual([
      [{ file: 'side.liquid', line: 2, column: 3 }, '/b/'],
    ])
  })

  it('renders calls as nothing without macros', async () => {
    const t = await engine({ 'page.liquid': "a{% macro 'x' %}b{{ 'y' | macro }}c" })
    expect(t.render('page.liquid', {})).toBe('abc')
  })

  it('names the nearest tag or filter for a misspelt one', async () => {
    const t = await engine({
      'tag.liquid': "{% macor 'x' %}",
      'filter.liquid': "{{ 'x' | macor }}",
    })
    for (const [name, want] of [
      ['tag.liquid', 'tag "macor" not found (did you mean the tag "macro"?)'],
      ['filter.liquid', 'undefined filter: macor (did you mean the filter "macro"?)'],
    ]) {
      let error: unknown
      try {
        t.render(name as string, {})
      } catch (e) {
        error = e
      }
      expect(isBdsError(error) && error.message).toContain(want)
    }
  })
})
