// Shared Python code (issue 14, item 7): utility scripts are modules that macros, transforms
// and other utilities import by file name — compiled once per worker, sent as data (nothing
// is opened by path), with tracebacks that name the utility's file; a changed utility is
// seen by its importers in the next rebuild of a warm pool. Real Pyodide throughout.

import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { build, type Diagnostic, emptyChanges } from '../../dist/index.js'
import { openSession } from '../../dist/watch/index.js'
import { bdsInProcess } from '../helpers/cli.js'
import { testHost } from '../helpers/python.js'
import { inlineSite } from '../helpers/site.js'

const header = (kind: string, extra = '') => `"""\n---\nkind: "${kind}"\n${extra}---\n"""\n`

const posts = Array.from(
  { length: 6 },
  (_, i) => `-- posts/p${i}.md --
---
title: Post ${i}
date: 2024-05-0${i + 1}
---
Some words here [[wordcount]]
`,
).join('')

const SITE = `
-- bds.config.json --
{"title": "Shared", "url": "https://shared.example", "python": {"workers": 2}}
-- scripts/words.py --
${header('utility')}
import re
import sys

# Counts how often this module's body ran in this interpreter (a module attribute would not).
sys._bds_test_loads = getattr(sys, "_bds_test_loads", 0) + 1
SUFFIX = "words"


def count(text):
    return f"{len(re.findall(r'\\w+', text))} {SUFFIX}"
-- scripts/wordcount.py --
${header('macro')}
import sys

import words


def render(context, post):
    return f"<p class=wc>{words.count(post['content'])}, loaded {sys._bds_test_loads}</p>"
-- scripts/boom.py --
${header('utility')}

def explode():
    raise ValueError("inside the utility")
-- scripts/uses_boom.py --
${header('macro')}
import boom


def render(context, post):
    return boom.explode()
-- scripts/off.py --
${header('utility', 'enabled: false\n')}
VALUE = 1
-- scripts/uses_off.py --
${header('macro')}

def render(context, post):
    import off
    return str(off.VALUE)
-- posts/errors.md --
---
title: Errors
date: 2024-04-01
---
[[uses_boom]]

[[uses_off]]
${posts}`

const host = testHost()
afterAll(() => host.stop())
const deps = { python: () => host }
const wordcounts = (html: string) =>
  [...html.matchAll(/<p class=wc>([^<]*)<\/p>/g)].map((m) => m[1])

describe('utility scripts as modules', () => {
  it('are imported by macros, compiled once per worker, and fail with their own traceback', async () => {
    const root = inlineSite(SITE)
    const report = await build({ root }, deps)
    const counts = [0, 1, 2, 3, 4, 5].map((i) => {
      const html = readFileSync(join(root, 'dist', `2024/05/0${i + 1}/p${i}/index.html`), 'utf8')
      return wordcounts(html)[0]
    })
    expect(counts).toEqual(Array(6).fill('4 words, loaded 1'))
    const failed = report.diagnostics.filter((d: Diagnostic) => d.code === 'BDS_MACRO_FAILED')
    expect(failed.map((d: Diagnostic) => d.message)).toEqual([
      expect.stringMatching(/uses_boom\.py:\d+: ValueError: inside the utility$/) as string,
      expect.stringContaining("ModuleNotFoundError: No module named 'off'") as string,
    ])
    expect(failed[0]?.detail).toMatch(/File "scripts\/boom\.py", line \d+, in explode/)
  })

  it('a changed utility is seen by its importers in the next rebuild of a warm pool', async () => {
    const root = inlineSite(SITE)
    const session = await openSession({ root }, deps)
    try {
      const page = () => readFileSync(join(root, 'dist/2024/05/01/p0/index.html'), 'utf8')
      expect(wordcounts(page())[0]).toMatch(/^4 words, loaded \d$/)
      const file = join(root, 'scripts/words.py')
      const text = readFileSync(file, 'utf8')
      writeFileSync(file, text.replace('SUFFIX = "words"', 'SUFFIX = "Wörter"'))
      const { report } = await session.rebuild({ ...emptyChanges(), scripts: true })
      expect(report.errors).toBe(2)
      expect(wordcounts(page())[0]).toMatch(/^4 Wörter, loaded \d$/)
    } finally {
      await session.close()
    }
  })

  it('are imported by transforms in bds ingest', async () => {
    const root = inlineSite(`
-- bds.config.json --
{"title": "Links", "url": "https://links.example"}
-- scripts/domains.py --
${header('utility')}
from urllib.parse import urlparse


def host_tag(url):
    return (urlparse(url).hostname or "").removeprefix("www.")
-- scripts/tagger.py --
${header('transform')}
import domains


def transform(post, context):
    post["tags"] = post.get("tags", []) + [domains.host_tag(context["url"])]
    return post
`)
    const args = ['ingest', '--url', 'https://www.example.org/a', '--title', 'A', '--dry-run']
    const r = await bdsInProcess(['-C', root, ...args], root)
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/^tags: \[?.*example\.org/m)
  })
})
