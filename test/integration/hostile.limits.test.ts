// One bad input fails alone, every build can be stopped (#19, points 4b and 5), through the
// real CLI: a template looping 10^10 times fails its page at the render limit, naming the
// template, and SIGTERM stops such a build leaving the output folder intact; a page whose
// macros return more HTML than the page limit is an error for that page, the rest builds.

import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { bdsInProcess } from '../helpers/cli.js'
import { bds, inlineSite, listFiles, repoRoot } from '../helpers/site.js'

const RUNAWAY = '{% for i in (1..100000) %}{% for j in (1..100000) %}x{% endfor %}{% endfor %}'
const SITE = (
  config = '{"title": "Limits", "url": "https://example.com", "limits": {"renderMs": 1000}}',
) => `-- bds.config.json --
${config}
-- posts/a.md --
---
title: A
date: 2024-01-01
---
A body.
-- pages/spin.md --
---
title: Spin
template: runaway
---
Spin.
-- templates/runaway.liquid --
${RUNAWAY}
`

/** Resolves once `check` holds, looking again every 20 ms, or fails after `ms`. */
async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await sleep(20)
  }
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: string | null }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal })),
  )

describe('a runaway template', () => {
  it('fails its page at the render limit, naming the template; the rest is built', async () => {
    const root = inlineSite(SITE())
    const r = await bdsInProcess(['build', root], repoRoot)
    expect(r.status, r.stderr).toBe(0)
    expect(r.stderr).toContain('error BDS_TEMPLATE_LIMIT: templates/runaway.liquid did not finish')
    expect(r.stderr).toContain('(limits.renderMs)')
    expect(r.stderr).toMatch(/--> templates\/runaway\.liquid:1:\d+/)
    expect(r.stdout).toContain('1 failed')
    const files = listFiles(join(root, 'dist'))
    expect(files).toContain('2024/01/01/a/index.html')
    expect(files).not.toContain('spin/index.html')
  })

  it('fails at the limit the config sets, also on the render worker', async () => {
    // 200 posts or more: post pages render on the worker thread. The limit is far above what a
    // page takes even on a loaded machine (100 ms failed ordinary pages there).
    const posts = Array.from(
      { length: 220 },
      (_, i) => `-- posts/p${i}.md --\n---\ntitle: P${i}\ndate: 2024-01-01\n---\nP${i}.\n`,
    ).join('')
    const root = inlineSite(`-- bds.config.json --
{"title": "Limits", "url": "https://example.com", "limits": {"renderMs": 2000}}
${posts}-- posts/spin.md --
---
title: Spin
date: 2024-01-02
template: runaway
---
-- templates/runaway.liquid --
${RUNAWAY}
`)
    // The real process: the render worker runs compiled code.
    const r = bds(['build', root])
    expect(r.status, r.stderr).toBe(0)
    expect(r.stderr).toContain('runaway.liquid did not finish rendering this page within 2000 ms')
    expect(r.stdout).toContain('1 failed')
  })

  it('is stopped by SIGTERM: exit 143, no half-written or temporary file', async () => {
    const root = inlineSite(SITE())
    const child = spawn(process.execPath, [join(repoRoot, 'bin/bds.js'), 'build', root], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    })
    let stderr = ''
    child.stderr?.on('data', (c) => {
      stderr += c
    })
    const exit = exited(child)
    // Posts render before pages: once the post is written, the runaway page is rendering.
    const post = join(root, 'dist/2024/01/01/a/index.html')
    await until(() => existsSync(post), 30_000, 'the post page')
    child.kill('SIGTERM')
    const { code } = await exit
    expect(code).toBe(143)
    expect(stderr).toContain('stopped by SIGTERM')
    const files = listFiles(join(root, 'dist'))
    expect(files.filter((f) => f.includes('.bds-tmp-'))).toEqual([])
    expect(files).not.toContain('spin/index.html')
    expect(readFileSync(post, 'utf8')).toContain('A body.')
    expect(readFileSync(post, 'utf8')).toMatch(/<\/html>\s*$/)
  })
})

describe('a page whose macros return too much HTML', () => {
  it('is an error at the token that went over the limit; the rest is built', async () => {
    const config = '{"title": "Limits", "url": "https://example.com", "limits": {"pageMiB": 1}}'
    const tokens = 'Watch [[youtube id=dQw4w9WgXcQ]]\n\n'.repeat(5000)
    const root = inlineSite(`-- bds.config.json --
${config}
-- posts/a.md --
---
title: A
date: 2024-01-01
---
A body [[youtube id=dQw4w9WgXcQ]].
-- posts/big.md --
---
title: Big
date: 2024-01-02
---
${tokens}`)
    const r = await bdsInProcess(['build', root], repoRoot)
    expect(r.status, r.stderr).toBe(0)
    expect(r.stderr).toContain('error BDS_MACRO_TOO_LARGE: The macros of posts/big.md return')
    expect(r.stderr).toContain('over the page limit of 1.0 MiB (limits.pageMiB)')
    expect(r.stderr).toMatch(/--> posts\/big\.md:\d+:7\n/)
    const big = readFileSync(join(root, 'dist/2024/01/02/big/index.html'), 'utf8')
    expect(big).not.toContain('youtube')
    expect(big.length).toBeLessThan(2 ** 20)
    expect(readFileSync(join(root, 'dist/2024/01/01/a/index.html'), 'utf8')).toContain('youtube')
    expect((await bdsInProcess(['build', root, '--strict'], repoRoot)).status).toBe(1)
  })
})
