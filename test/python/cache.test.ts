// The build cache with real Pyodide through the CLI (#16): each invalidation rule — an edited
// post re-runs only the calls that depend on it, an edited script its own calls, a
// `bds.posts()` reader every time the posts it lists change, `cache: false` always — and a
// cache restored into another clone at another path answers every call without Python.

import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { bds, inlineSite, listFiles, tempDir } from '../helpers/site.js'

interface Report {
  ok: boolean
  cache?: { macros: { cached: number; computed: number }; pages: { cached: number } }
  python?: { byScript: Record<string, { calls: number }> }
}

const header = (slug: string, more = '') =>
  `"""\n---\nslug: "${slug}"\nkind: "macro"\n${more}---\n"""\n`
const post = (slug: string, title: string, day: number) =>
  `---\ntitle: ${title}\ndate: 2024-05-0${day}\n---\nAbout ${slug}.\n\n[[own]] [[list]] [[one]]TOKENS\n`

function site(withClock: boolean) {
  const clock = withClock ? ' [[clock]]' : ''
  return inlineSite(`-- bds.config.json --
{"title": "Cache", "url": "https://example.com"}
-- scripts/own.py --
${header('own')}def render(context, post):
    return "<i>" + post["title"] + "</i>"
-- scripts/list.py --
${header('list')}import bds
def render(context):
    return ", ".join(p["title"] for p in bds.posts())
-- scripts/one.py --
${header('one')}import bds
def render(context):
    return "b is " + bds.post("b")["title"]
-- scripts/clock.py --
${header('clock', 'cache: false\n')}calls = []
def render(context):
    calls.append(1)
    return "tick"
-- posts/a.md --
${post('a', 'Alpha', 1).replace('TOKENS', clock)}
-- posts/b.md --
${post('b', 'Beta', 2).replace('TOKENS', clock)}
-- posts/c.md --
${post('c', 'Gamma', 3).replace('TOKENS', clock)}`)
}

function build(root: string, out = join(root, 'dist')): Report {
  const report = join(tempDir('bds-report-'), 'report.json')
  const r = bds(['build', root, '--out', out, '--json', report, '--quiet'])
  expect(r.status, r.stderr).toBe(0)
  return JSON.parse(readFileSync(report, 'utf8')) as Report
}

/** Calls each script ran in Python ({} when Python did not run). */
const ran = (r: Report) =>
  Object.fromEntries(Object.entries(r.python?.byScript ?? {}).map(([s, t]) => [s, t.calls]))

const edit = (root: string, file: string, from: string, to: string) => {
  const path = join(root, file)
  writeFileSync(path, readFileSync(path, 'utf8').replace(from, to))
}

describe('what a change re-runs', () => {
  let root: string
  beforeAll(() => {
    root = site(true)
    expect(ran(build(root))).toEqual({ own: 3, list: 3, one: 3, clock: 3 })
  })

  it('runs a `cache: false` script in every build, and nothing else when nothing changed', () => {
    const again = build(root, join(tempDir(), 'out'))
    expect(ran(again)).toEqual({ clock: 3 })
    expect(again.cache?.macros).toEqual({ cached: 9, computed: 3 })
  })

  it('re-runs only the calls of an edited post that depend on it', () => {
    edit(root, 'posts/a.md', 'About a.', 'About a, edited.')
    // list reads bds.posts(), which does not show bodies; one reads post b only.
    expect(ran(build(root))).toEqual({ own: 1, clock: 3 })
  })

  it('re-runs a bds.posts() reader in every post when what it lists changes', () => {
    edit(root, 'posts/c.md', 'title: Gamma', 'title: Gamma Ray')
    expect(ran(build(root))).toEqual({ own: 1, list: 3, clock: 3 })
    const page = readFileSync(join(root, 'dist/2024/05/01/a/index.html'), 'utf8')
    expect(page).toContain('Gamma Ray, Beta, Alpha')
  })

  it('re-runs a bds.post("b") reader when b changes, and not before', () => {
    edit(root, 'posts/b.md', 'title: Beta', 'title: Beta Max')
    expect(ran(build(root))).toEqual({ own: 1, list: 3, one: 3, clock: 3 })
  })

  it('re-runs every call of an edited script, and only those', () => {
    edit(root, 'scripts/own.py', '"<i>"', '"<em>"')
    edit(root, 'scripts/own.py', '"</i>"', '"</em>"')
    expect(ran(build(root))).toEqual({ own: 3, clock: 3 })
  })
})

describe('a cache restored into another clone', () => {
  it('answers every call, at another path, without starting Python', () => {
    const first = site(false)
    const before = build(first)
    expect(ran(before)).toEqual({ own: 3, list: 3, one: 3 })
    // Another clone: the same files elsewhere (new times), its .bds/ restored from the first.
    const clone = join(tempDir('bds-clone-'), 'elsewhere', 'site')
    cpSync(first, clone, { recursive: true, filter: (src) => !src.includes('/dist') })
    rmSync(join(clone, 'dist'), { recursive: true, force: true })
    const restored = build(clone)
    expect(restored.python).toBeUndefined()
    expect(restored.cache?.macros).toEqual({ cached: 9, computed: 0 })
    expect(restored.cache?.pages.cached).toBeGreaterThan(0)
    const files = listFiles(join(first, 'dist')).filter((f) => f !== '.bds-output.json')
    expect(listFiles(join(clone, 'dist'))).toContain('2024/05/01/a/index.html')
    for (const f of files)
      expect(readFileSync(join(clone, 'dist', f)), f).toEqual(readFileSync(join(first, 'dist', f)))
    // An edit in the clone runs only what depends on it, from the restored cache.
    edit(clone, 'posts/a.md', 'About a.', 'About a, in the clone.')
    expect(ran(build(clone))).toEqual({ own: 1 })
  })
})
