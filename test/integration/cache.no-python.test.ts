// No Python when nothing changed (#16): with the build cache holding every result, a build
// into an empty output folder starts no Python host — neither when it replays the whole build
// nor when the pipeline runs with every result cached — and an edited post starts one only
// for the calls left to run. A fake host stands in for Pyodide (it counts starts).

import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { build } from '../../src/build/index.js'
import type { PythonHost } from '../../src/python/index.js'
import { type FakePythonHost, fakePythonHost, returns } from '../helpers/fake-python.js'
import { inlineSite, tempDir } from '../helpers/site.js'

const SITE = `-- bds.config.json --
{"title": "T", "url": "https://example.com"}
-- scripts/hello.py --
"""
---
slug: "hello"
kind: "macro"
---
"""
def render(context, post):
    return "hi " + post["title"]
-- posts/a.md --
---
title: A
date: 2024-05-01
---
[[hello]] and [[youtube id=abc]]
-- posts/b.md --
---
title: B
date: 2024-05-02
---
[[hello]]
`

function setup() {
  const root = inlineSite(SITE)
  const hosts: FakePythonHost[] = []
  const python = (): PythonHost => {
    const host = fakePythonHost({ hello: (post) => returns(`hi ${post.title}`) })
    host.check = async (scripts) =>
      scripts.map((s) => ({ file: s.file, ok: true, functions: ['render'], params: { render: 2 } }))
    hosts.push(host)
    return host
  }
  const run = (args: { cache?: boolean } = {}) =>
    build({ root, out: join(tempDir('bds-out-'), 'out'), ...args }, { python, parallel: false })
  const starts = () => hosts.filter((h) => h.events.includes('start')).length
  const forgetRecord = () => {
    const db = new Database(join(root, '.bds', 'cache.db'))
    db.exec('DELETE FROM builds')
    db.close()
  }
  return { root, run, starts, forgetRecord, hosts }
}

describe('a build whose macro inputs did not change', () => {
  it('starts no Python host, replayed or through the pipeline, into an empty folder', async () => {
    const { run, starts, forgetRecord } = setup()
    const first = await run()
    expect(starts()).toBe(1)
    expect(first.cache?.macros).toEqual({ cached: 0, computed: 3 })
    const replayed = await run()
    expect(replayed.steps.map((s) => s.name)).toContain('replay')
    forgetRecord()
    const warm = await run()
    expect(warm.steps.map((s) => s.name)).toContain('macros')
    expect(warm.cache?.macros).toEqual({ cached: 3, computed: 0 })
    expect(warm.python).toBeUndefined()
    expect(starts()).toBe(1)
  })

  it('starts Python for the calls of an edited post only', async () => {
    const { root, run, starts, hosts } = setup()
    await run()
    writeFileSync(join(root, 'posts/b.md'), '---\ntitle: Bee\ndate: 2024-05-02\n---\n[[hello]]\n')
    const edited = await run()
    expect(starts()).toBe(2)
    expect(hosts.at(-1)?.calls.map((c) => (c.args[1] as { title: string }).title)).toEqual(['Bee'])
    expect(edited.cache?.macros).toEqual({ cached: 2, computed: 1 })
  })

  it('--no-cache computes everything and stores nothing', async () => {
    const { run, starts } = setup()
    const first = await run({ cache: false })
    expect(first.cache).toMatchObject({ enabled: false, macros: { cached: 0, computed: 3 } })
    await run()
    expect(starts()).toBe(2)
  })
})
