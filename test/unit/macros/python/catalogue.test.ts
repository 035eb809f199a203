// What `bds macros` lists (issue 17): the built-ins in table order, then the macro scripts by
// name with their header and signature declarations merged, a script that a built-in shadows,
// one that declares nothing, and generated example calls.

import { describe, expect, it } from 'vitest'
import { macroCatalogue } from '../../../../src/macros/python/index.js'
import type { ScriptRow } from '../../../../src/scripts/index.js'

const row = (slug: string, more: Partial<ScriptRow> = {}): ScriptRow => ({
  id: slug,
  slug,
  title: slug,
  kind: 'macro',
  entrypoint: 'render',
  enabled: true,
  cache: true,
  version: 1,
  path: `scripts/${slug}.py`,
  hash: 'h',
  size: 1,
  mtimeMs: 1,
  createdAt: null,
  updatedAt: null,
  syntaxStatus: 'ok',
  functions: ['render'],
  headerId: null,
  warnings: [],
  params: null,
  doc: null,
  signature: null,
  ...more,
})

describe('macroCatalogue', () => {
  const list = macroCatalogue([
    row('zeta', { doc: 'Shows zeta.\n\nMore.' }),
    row('badge', {
      params: [{ name: 'tone', type: 'str', default: 'calm', description: 'the tone' }],
      signature: {
        params: [{ name: 'n', type: 'int', required: true }],
        open: true,
        line: 9,
        doc: 'A badge.',
      },
    }),
    row('gallery', { enabled: false }),
    row('tool', { kind: 'utility' }),
  ])

  it('lists the built-ins first, then the macro scripts by name', () => {
    expect(list.map((m) => `${m.source}:${m.name}`)).toEqual([
      'builtin:youtube',
      'builtin:vimeo',
      'builtin:gallery',
      'builtin:photo_archive',
      'builtin:tag_cloud',
      'python:badge',
      'python:gallery',
      'python:zeta',
    ])
  })

  it('merges what a script declares and makes an example of it', () => {
    const badge = list.find((m) => m.name === 'badge')
    expect(badge).toMatchObject({
      file: 'scripts/badge.py',
      line: 9,
      summary: 'A badge.',
      declared: true,
      open: true,
      params: [
        { name: 'n', type: 'int', required: true },
        { name: 'tone', type: 'str', default: 'calm', description: 'the tone' },
      ],
      example: {
        markdown: '[[badge n=1 tone="calm"]]',
        liquid: `{% macro 'badge', n: 1, tone: "calm" %}`,
      },
    })
  })

  it('marks a script a built-in shadows, and one that declares nothing', () => {
    expect(list.find((m) => m.source === 'python' && m.name === 'gallery')).toMatchObject({
      shadowed: true,
      enabled: false,
    })
    expect(list.find((m) => m.name === 'zeta')).toMatchObject({
      declared: false,
      params: [],
      summary: 'Shows zeta.',
      example: { markdown: '[[zeta]]', liquid: "{% macro 'zeta' %}" },
    })
  })
})
