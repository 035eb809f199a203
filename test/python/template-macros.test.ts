// Python macros called from templates, through real Pyodide in the sandbox (issue 17): every
// page's template calls reach the host in one round trip per build step (counted), declared
// parameters are checked at the tag's or the token's position with "did you mean", defaults
// and conversions reach the script, and a script that declares nothing is called as before.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../../dist/index.js'
import type { PythonHost } from '../../src/python/index.js'
import { testHost } from '../helpers/python.js'
import { inlineSite, tempDir } from '../helpers/site.js'

const POSTS = 28
const badge = `-- scripts/badge.py --
"""
---
slug: "badge"
kind: "macro"
---
"""
def render(context, post, *, text: str = "new", n: int = 1):
    title = post["title"] if post else "no post"
    return f'<b class="badge">{text}|{n}|{title}|{sorted(context["params"].items())}</b>'
-- scripts/old.py --
"""
---
slug: "old"
kind: "macro"
---
"""
def render(context, post):
    return f'<i class="old">{sorted(context["params"].items())}</i>'
`
const templates = `-- templates/post.liquid --
{%- layout 'base.liquid' %}
<h1>{{ post.title }}</h1>
{{ post.content }}
{% macro 'badge', text: post.title, n: "2" %}
{% macro 'old', x: 1, anything: 'goes' %}
-- templates/list.liquid --
{%- layout 'base.liquid' %}
{% macro 'badge', tex: 'x' %}
`
const posts = Array.from(
  { length: POSTS },
  (_, i) =>
    `-- posts/p${i}.md --\n---\ntitle: Post ${i}\ndate: 2024-02-${String(i + 1).padStart(2, '0')}\n---\n\n${i === 0 ? 'A [[badge colums=2 n=3.0]] here.' : `Text ${i}.`}\n`,
).join('')

let host: PythonHost
const runs: number[] = []

beforeAll(async () => {
  host = testHost()
  await host.start()
})
afterAll(() => host.stop())

/** The host, counting its round trips (one run() each) and the calls of each. */
const counted = (): PythonHost => ({
  ...host,
  run: (calls, options) => {
    runs.push(calls.length)
    return host.run(calls, options)
  },
})

describe('Python macros in templates', () => {
  let out: string
  let report: Awaited<ReturnType<typeof build>>
  beforeAll(async () => {
    const root = inlineSite(
      `-- bds.config.json --\n{"title": "T", "url": "https://t.example", "postsPerPage": 10}\n${badge}${templates}${posts}`,
    )
    out = join(tempDir(), 'out')
    report = await build({ root, out }, { python: counted, parallel: true })
  })
  const page = (path: string) => readFileSync(join(out, path, 'index.html'), 'utf8')

  it('reach the host in one round trip for the Markdown step and one for the pages', () => {
    // Markdown: the token of p0; pages: 28 post pages × 2 calls, and one call per list page
    // (a call sees the page it is on, so list pages do not share one).
    expect(runs).toHaveLength(2)
    expect(runs[0]).toBe(1)
    expect(runs[1]).toBeGreaterThan(POSTS * 2)
  })

  it('get declared values, converted, with defaults, as keyword arguments and in context.params', () => {
    expect(page('2024/02/03/p2')).toContain(
      `<b class="badge">Post 2|2|Post 2|[('n', 2), ('text', 'Post 2')]</b>`,
    )
    expect(page('')).toContain(`<b class="badge">new|1|no post|[('n', 1), ('text', 'new')]</b>`)
    expect(page('2024/02/01/p0')).toContain(
      `A <b class="badge">new|3|Post 0|[('n', 3), ('text', 'new')]</b> here.`,
    )
  })

  it('call a script that declares nothing exactly as before', () => {
    expect(page('2024/02/03/p2')).toContain(`<i class="old">[('anything', 'goes'), ('x', 1)]</i>`)
  })

  it('report unknown parameters at the tag or the token, with the nearest name', () => {
    const where = report.diagnostics.map(
      (d) => `${d.code} ${d.file}:${d.line}:${d.column} ${d.message}`,
    )
    expect(where.sort()).toEqual([
      'BDS_MACRO_PARAMS posts/p0.md:6:3 The Python macro "badge" (scripts/badge.py) has no parameter "colums"; it was ignored.',
      'BDS_MACRO_PARAMS templates/list.liquid:2:1 The Python macro "badge" (scripts/badge.py) has no parameter "tex" (did you mean "text"?); it was ignored.',
    ])
  })
})
