// One thread's template macro calls (issue 17): built-ins answer at once (once per call site,
// post and parameters), other calls are recorded once and stand as placeholders that only
// this engine's splice fills; values a macro cannot take are reported once.

import { describe, expect, it } from 'vitest'
import { scanTheme } from '../../../src/build/steps/template-macros.js'
import { createPageMacros } from '../../../src/build/template-macros.js'
import type { TemplateMacroCall, TemplateStore } from '../../../src/render/index.js'
import { testPost, testSite } from '../../helpers/macro-input.js'

const pos = { file: 'templates/post.liquid', line: 3, column: 1 }
const call = (name: string, more: Partial<TemplateMacroCall> = {}): TemplateMacroCall => ({
  name,
  params: {},
  text: {},
  pos,
  dropped: [],
  ...more,
})
const tags = [{ name: 'garden', url: '/tag/garden/', count: 2 }]

describe('createPageMacros', () => {
  it('runs a built-in at once, with the page it renders in', () => {
    const macros = createPageMacros({ ...testSite, tags }, () => testPost)
    macros.enter({ page: { url: '/a/' }, post: { file: 'posts/a.md' } })
    const html = macros.call(call('tag_cloud', { params: { width: 400 } }))
    expect(html).toContain('data-width="400"')
    expect(macros.holds(html)).toBe(false)
    expect(macros.deferred).toEqual([])
    macros.leave()
  })

  it('records any other call once and splices its HTML in', () => {
    const macros = createPageMacros(testSite, () => testPost)
    macros.enter({ page: { url: '/a/' }, post: { file: 'posts/a.md' } })
    const a = macros.call(call('badge', { params: { n: 1 } }))
    const b = macros.call(call('badge', { params: { n: 1 } }))
    const c = macros.call(call('badge', { params: { n: 2 } }))
    macros.leave()
    macros.enter({ page: { url: '/' } })
    const d = macros.call(call('badge', { params: { n: 1 } }))
    macros.leave()
    expect(a).toBe(b)
    expect(macros.deferred.map((x) => [x.params.n, x.post, x.url])).toEqual([
      [1, 'posts/a.md', '/a/'],
      [2, 'posts/a.md', '/a/'],
      [1, undefined, '/'],
    ])
    const page = `<p>${a}</p><p>${c}</p><p>${d}</p>`
    expect(macros.holds(page)).toBe(true)
    expect(macros.splice(page, ['one', 'two', 'three'])).toBe('<p>one</p><p>two</p><p>three</p>')
    // Another engine's placeholder (a summary kept from an earlier build) is never left in.
    const other = createPageMacros(testSite, () => undefined)
    expect(other.holds(page)).toBe(false)
    expect(other.splice(page, ['x'])).toBe('<p></p><p></p><p></p>')
  })

  it('reports a value it cannot pass once per call site', () => {
    const macros = createPageMacros(testSite, () => undefined)
    macros.enter({})
    macros.call(call('badge', { dropped: ['tags'] }))
    macros.call(call('badge', { dropped: ['tags'] }))
    macros.leave()
    expect(macros.diagnostics().map((d) => [d.code, d.pos])).toEqual([['BDS_MACRO_PARAMS', pos]])
  })
})

describe('scanTheme', () => {
  const store = (texts: string[]) =>
    ({
      templates: new Map(texts.map((text, i) => [`t${i}.liquid`, { text }])),
    }) as unknown as TemplateStore
  it('finds literal names, and names that are expressions', () => {
    expect(scanTheme(store(['<p>{{ x }}</p>']))).toEqual({
      used: false,
      names: new Set(),
      dynamic: false,
    })
    const literal = scanTheme(store(["{% macro 'Tag_Cloud' %}", `{{ "badge" | macro: n: 1 }}`]))
    expect(literal).toEqual({ used: true, names: new Set(['tag_cloud', 'badge']), dynamic: false })
    expect(scanTheme(store(['{%- macro name %}'])).dynamic).toBe(true)
    expect(scanTheme(store(['{{ which | macro }}'])).dynamic).toBe(true)
  })
})
