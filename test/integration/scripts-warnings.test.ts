// Script header warnings through the CLI, in this process (#14): a header that gives only what it needs
// passes `bds build --strict`; an invalid value is reported once per command, as text.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bdsInProcess } from '../helpers/cli.js'
import { inlineSite, repoRoot } from '../helpers/site.js'

const SITE = `-- bds.config.json --
{"title": "Warnings", "url": "https://warnings.example"}
-- posts/hi.md --
---
title: Hi
date: 2024-01-01
---

Hi.
`

function siteWith(scripts: Record<string, string>): string {
  const root = inlineSite(SITE)
  mkdirSync(join(root, 'scripts'))
  for (const [name, text] of Object.entries(scripts))
    writeFileSync(join(root, 'scripts', name), text)
  return root
}

const count = (text: string, word: string) => text.split(word).length - 1

describe('script header warnings', () => {
  it('gives a header with only kind and title the defaults without a warning', async () => {
    const root = siteWith({
      'hello.py':
        '"""\n---\nkind: "macro"\ntitle: "Hello"\n---\n"""\n\ndef render(context, post):\n    return "hi"\n',
      'tidy.py':
        '"""\n---\nslug: "tidy"\nkind: "transform"\n---\n"""\n\ndef transform(post, context):\n    return None\n',
    })
    const build = await bdsInProcess(['build', '--strict'], root)
    expect(build.status, build.stderr).toBe(0)
    expect(build.stderr).not.toContain('BDS_SCRIPT_HEADER')
    const list = await bdsInProcess(['scripts', 'list'], root)
    expect(list.stderr).toBe('')
    expect(list.stdout).toMatch(/^hello\s+macro\s+yes\s+render\s+1\s+Hello$/m)
    expect(list.stdout).toMatch(/^tidy\s+transform\s+yes\s+transform\s+1\s+tidy$/m)
  })

  it("README's Python macro example passes --strict as it is", async () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8')
    const section = readme.slice(readme.indexOf('### A Python macro'))
    const example = /```python\n([\s\S]*?)```/.exec(section)?.[1] as string
    expect(example).toContain('kind: "macro"')
    const root = siteWith({ 'hello.py': example })
    const build = await bdsInProcess(['build', '--strict'], root)
    expect(build.status, build.stderr).toBe(0)
    expect((await bdsInProcess(['scripts', 'show', 'hello'], root)).stdout).toMatch(
      /^warnings\s+none$/m,
    )
  })

  it('scripts show prints warnings as text, each once; other commands print each once', async () => {
    const root = siteWith({
      'bad.py':
        '"""\n---\nslug: "bad"\nkind: "gadget"\nversion: 0\n---\n"""\n\ndef main(args):\n    return 0\n',
    })
    const show = await bdsInProcess(['scripts', 'show', 'bad'], root)
    expect(show.status, show.stderr).toBe(0)
    const all = show.stdout + show.stderr
    expect(all).not.toContain('[object Object]')
    expect(show.stdout).toMatch(
      /^warnings\s+scripts\/bad\.py:4: The header of scripts\/bad\.py has an invalid "kind" \("gadget"\)/m,
    )
    expect(show.stdout).toMatch(/^\s+scripts\/bad\.py:5: .*invalid "version" \(0\)/m)
    expect(count(all, 'invalid "kind"')).toBe(1)
    for (const args of [['list'], ['sync'], ['rebuild'], ['disable', 'bad'], ['enable', 'bad']]) {
      const r = await bdsInProcess(['scripts', ...args], root)
      expect(r.status, r.stderr).toBe(0)
      expect(count(r.stdout + r.stderr, 'invalid "kind"'), args.join(' ')).toBe(1)
    }
    const clean = siteWith({ 'ok.py': '"""\n---\nkind: "utility"\n---\n"""\n' })
    expect((await bdsInProcess(['scripts', 'show', 'ok'], clean)).stdout).toMatch(
      /^warnings\s+none$/m,
    )
  })
})
