// The build cache with real Pyodide through the CLI, for what a call reads besides posts
// (#16 with #17 and #18): a data file is one kind of read — editing it re-runs exactly the
// calls that read it, at their top level or in a call — a utility module's edit re-runs the
// calls that may import it, and macro calls from templates are cached by the same rules,
// while a template that calls a `cache: false` script keeps its pages out of the cache.

import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { bds, inlineSite, tempDir } from '../helpers/site.js'

interface Report {
  cache?: { macros: { cached: number; computed: number }; pages: { cached: number } }
  python?: { byScript: Record<string, { calls: number }> }
}

const header = (slug: string, kind = 'macro', more = '') =>
  `"""\n---\nslug: "${slug}"\nkind: "${kind}"\n${more}---\n"""\n`
const post = (slug: string, day: number) =>
  `---\ntitle: ${slug.toUpperCase()}\ndate: 2024-05-0${day}\n---\nAbout ${slug}.\n\n[[bikes]] [[links]] [[plain]]\n`

function build(root: string): Report {
  const report = join(tempDir('bds-report-'), 'report.json')
  const r = bds(['build', root, '--json', report, '--quiet'])
  expect(r.status, r.stderr).toBe(0)
  return JSON.parse(readFileSync(report, 'utf8')) as Report
}

/** Calls each script ran in Python ({} when Python did not run). */
const ran = (r: Report) =>
  Object.fromEntries(Object.entries(r.python?.byScript ?? {}).map(([s, t]) => [s, t.calls]))

const page = (root: string, path: string) =>
  readFileSync(join(root, 'dist', path, 'index.html'), 'utf8')

describe('data files and utility modules in the build cache', () => {
  let root: string
  beforeAll(() => {
    root = inlineSite(`-- bds.config.json --
{"title": "Reads", "url": "https://example.com"}
-- data/bikes.json --
["Steel"]
-- data/links.json --
{"home": "/"}
-- scripts/fmt.py --
${header('fmt', 'utility')}def em(text):
    return "<em>" + text + "</em>"
-- scripts/bikes.py --
${header('bikes')}import bds
def render(context):
    return ", ".join(bds.data("bikes"))
-- scripts/links.py --
${header('links')}import bds
LINKS = bds.data("links")
def render(context):
    return LINKS["home"]
-- scripts/plain.py --
${header('plain')}import fmt
def render(context, post):
    return fmt.em(post["title"])
-- posts/a.md --
${post('a', 1)}
-- posts/b.md --
${post('b', 2)}`)
    expect(ran(build(root))).toEqual({ bikes: 2, links: 2, plain: 2 })
  })

  it('re-runs only the calls that read an edited data file', () => {
    writeFileSync(join(root, 'data/bikes.json'), '["Steel", "Carbon"]')
    const r = build(root)
    expect(ran(r)).toEqual({ bikes: 2 })
    expect(r.cache?.macros).toEqual({ cached: 4, computed: 2 })
    expect(page(root, '2024/05/01/a')).toContain('Steel, Carbon')
  })

  it('counts what a module read at its top level for its calls', () => {
    writeFileSync(join(root, 'data/links.json'), '{"home": "/start/"}')
    expect(ran(build(root))).toEqual({ links: 2 })
    expect(page(root, '2024/05/02/b')).toContain('/start/')
  })

  it('re-runs the calls that may import an edited utility module', () => {
    const file = join(root, 'scripts/fmt.py')
    writeFileSync(file, readFileSync(file, 'utf8').replace(/em>/g, 'strong>'))
    expect(ran(build(root))).toEqual({ bikes: 2, links: 2, plain: 2 })
    expect(page(root, '2024/05/01/a')).toContain('<strong>A</strong>')
  })
})

describe('macro calls from templates in the build cache', () => {
  const site = (script: string, more = '') =>
    inlineSite(`-- bds.config.json --
{"title": "T", "url": "https://t.example"}
-- templates/post.liquid --
{%- layout 'base.liquid' %}
<h1>{{ post.title }}</h1>
{% macro 'stamp', n: 2 %}
-- scripts/stamp.py --
${header('stamp', 'macro', more)}${script}
-- posts/a.md --
---
title: A
date: 2024-05-01
---
About a.
-- posts/b.md --
---
title: B
date: 2024-05-02
---
About b.`)

  it('runs a template call again only when what it read changed', () => {
    const root = site('def render(context, post):\n    return "<b>" + post["title"] + "</b>"')
    expect(ran(build(root))).toEqual({ stamp: 2 })
    expect(page(root, '2024/05/01/a')).toContain('<b>A</b>')
    const file = join(root, 'posts/b.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: B', 'title: Bee'))
    const r = build(root)
    expect(ran(r)).toEqual({ stamp: 1 })
    expect(r.cache?.macros.cached).toBe(1)
    expect(page(root, '2024/05/02/b')).toContain('<b>Bee</b>')
  })

  it('keeps no page whose template calls a `cache: false` script', () => {
    const root = site('def render(context, post):\n    return "tick"', 'cache: false\n')
    expect(ran(build(root))).toEqual({ stamp: 2 })
    const file = join(root, 'posts/a.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace('About a.', 'About a, edited.'))
    const r = build(root)
    // No whole-build record to replay: its post pages render and the script runs again.
    expect(ran(r)).toEqual({ stamp: 2 })
    expect(page(root, '2024/05/02/b')).toContain('tick')
  })
})
