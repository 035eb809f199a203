// What `bds watch` prints (#14): that it serves the output folder, each new warning in full
// (once, not again on every save), and nothing for editors' temporary files.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Started, startBds } from '../helpers/process.js'
import { copyFixture } from '../helpers/site.js'

const NEW = 'posts/2025/01/new.md'
const post = (body: string) => `---\ntitle: New\ndate: 2025-01-02\n---\n\n${body}\n`
const count = (text: string, re: RegExp) => text.match(new RegExp(re.source, 'gm'))?.length ?? 0
const REBUILD = /^\d\d:\d\d:\d\d .* changed: /gm

describe('bds watch output', () => {
  let root: string
  let watch: Started
  /** Waits for the n-th rebuild line. */
  const rebuilds = (n: number) => watch.waitFor(new RegExp(`(?:${REBUILD.source}[^]*){${n}}`, 'm'))

  beforeAll(async () => {
    root = copyFixture('sites/blog')
    mkdirSync(join(root, 'posts/2025/01'), { recursive: true })
    watch = startBds(['watch', root, '--port', '0'])
    await watch.waitFor(/ at http:\/\/\S+\/ /)
  })
  afterAll(async () => {
    expect(await watch.stop()).toBe(0)
  })

  it('says it serves the output folder', () => {
    expect(watch.output()).toMatch(
      /bds: serving the output folder \S*dist\/ at http:\/\/127\.0\.0\.1:\d+\//,
    )
  })

  it('prints a new warning in full, and not again while it stays', async () => {
    writeFileSync(join(root, NEW), post('Hello [[nosuch]] there.'))
    await rebuilds(1)
    const first = watch.output()
    expect(first).toMatch(
      /warning BDS_MACRO_UNKNOWN: Unknown macro "nosuch"[^\n]*\n\s+--> posts\/2025\/01\/new\.md:6:7/,
    )
    const other = 'posts/2024/11/lentil-soup.md'
    writeFileSync(join(root, other), `${readFileSync(join(root, other), 'utf8')}\nMore.\n`)
    await rebuilds(2)
    expect(count(watch.output(), /Unknown macro "nosuch"/)).toBe(1)
    writeFileSync(join(root, NEW), post('Hello [[nosuch]] there [[other]].'))
    await rebuilds(3)
    expect(watch.output()).toMatch(
      /Unknown macro "other"[^\n]*\n\s+--> posts\/2025\/01\/new\.md:6:24/,
    )
    expect(count(watch.output(), /Unknown macro "nosuch"/)).toBe(1)
  })

  it("does not rebuild for editors' temporary files", async () => {
    const before = count(watch.output(), REBUILD)
    for (const name of ['new.md~', '.new.md.swp', '#new.md#', '4913', 'new.md.tmp'])
      writeFileSync(join(root, 'posts/2025/01', name), 'scratch')
    mkdirSync(join(root, 'posts/.idea'))
    writeFileSync(join(root, 'posts/.idea/workspace.xml'), '<x/>')
    // A real save after them: its rebuild line must name only the real file.
    writeFileSync(join(root, NEW), post('Hello [[nosuch]] there [[other]], again.'))
    await rebuilds(before + 1)
    const lines = watch.output().match(REBUILD) ?? []
    expect(lines).toHaveLength(before + 1)
    expect(
      watch
        .output()
        .split('\n')
        .filter((l) => /changed: /.test(l))
        .at(-1),
    ).toMatch(/^\d\d:\d\d:\d\d posts\/2025\/01\/new\.md changed: /)
  })
})
