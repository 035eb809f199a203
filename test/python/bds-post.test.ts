// What a bDS macro script sees in bds (#12 item 9), in real Pyodide: the post dict with bDS's
// keys and values (projectId, author None when the file has none), env.translations and the
// language prefix of the tree the page belongs to.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { build } from '../../dist/index.js'
import { inlineSite } from '../helpers/site.js'

const SCRIPT = `"""
---
slug: "inspect"
kind: "macro"
---
"""
import json


def render(context, post):
    env = context["env"]
    seen = {
        "keys": sorted(post.keys()),
        "author": post["author"],
        "projectId": post["projectId"],
        "language": env["mainLanguage"],
        "prefix": env["languagePrefix"],
        "archive": env["translations"]["render.archive"],
    }
    return "<pre class='seen'>" + json.dumps(seen, sort_keys=True) + "</pre>"
`

describe('a bDS macro in bds', () => {
  it('gets bDS post data and the env of its tree', async () => {
    const root = inlineSite(`-- meta/project.json --
{"name": "Blog", "publicUrl": "https://blog.example", "mainLanguage": "de", "defaultAuthor": "Grete", "blogLanguages": ["de", "en"]}
-- scripts/inspect.py --
${SCRIPT}
-- posts/2025/01/hallo.md --
---
id: p-1
title: Hallo
status: published
createdAt: '2025-01-02T10:00:00.000Z'
updatedAt: '2025-01-02T10:00:00.000Z'
tags: []
categories: []
---
[[inspect]]
`)
    const report = await build({ root })
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    const seen = (path: string) =>
      JSON.parse(
        (
          /<pre class='seen'>(.*)<\/pre>/.exec(
            readFileSync(join(root, 'dist', path), 'utf8'),
          )?.[1] ?? '{}'
        ).replace(/&quot;/g, '"'),
      )
    const main = seen('2025/01/02/hallo/index.html')
    expect(main.keys).toEqual([
      'author',
      'categories',
      'content',
      'createdAt',
      'excerpt',
      'id',
      'projectId',
      'publishedAt',
      'slug',
      'status',
      'tags',
      'title',
      'updatedAt',
      'url',
    ])
    expect(main).toMatchObject({ author: null, projectId: 'default', language: 'de', prefix: '' })
    expect(main.archive).toBe('Archiv')
    const en = seen('en/2025/01/02/hallo/index.html')
    expect(en).toMatchObject({ language: 'en', prefix: '/en', archive: 'Archive' })
  })
})
