// Output safety and incremental writes through the real pipeline (writer thread, SQLite
// cache): unchanged files are not rewritten, stale outputs go, user files stay.

import { spawn } from 'node:child_process'
import { existsSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { build } from '../../dist/index.js'
import { inlineSite, listFiles, repoRoot } from '../helpers/site.js'

const config =
  '-- bds.config.json --\n{"title": "Inc", "url": "https://inc.example", "postsPerPage": 2}\n'
const post = (slug: string, date: string, tags = '[t]') =>
  `-- posts/${slug}.md --\n---\ntitle: ${slug}\ndate: ${date}\ntags: ${tags}\n---\n\nText of ${slug}.\n`

describe('incremental builds', () => {
  it('rewrites only what an edit affects and removes what a deletion orphans', async () => {
    const root = inlineSite(
      config +
        post('a', '2024-01-01') +
        post('b', '2024-02-01') +
        post('c', '2024-03-01', '[t, solo]'),
    )
    const first = await build({ root })
    expect(first.outputs.written).toBe(first.outputs.total)
    writeFileSync(join(root, 'dist/CNAME'), 'inc.example\n')

    const aPage = join(root, 'dist/2024/01/01/a/index.html')
    const cPage = join(root, 'dist/2024/03/01/c/index.html')
    const cBefore = statSync(cPage).mtimeMs
    writeFileSync(
      join(root, 'posts/a.md'),
      '---\ntitle: a edited\ndate: 2024-01-01\ntags: [t]\n---\n\nNew text.\n',
    )
    const second = await build({ root })
    expect(second.upToDate).toBe(false)
    expect(readFileSync(aPage, 'utf8')).toContain('a edited')
    expect(statSync(cPage).mtimeMs).toBe(cBefore)
    expect(second.outputs.written).toBeLessThan(second.outputs.total / 2)
    expect(second.outputs.unchanged).toBeGreaterThan(0)

    unlinkSync(join(root, 'posts/c.md'))
    const third = await build({ root })
    expect(existsSync(cPage)).toBe(false)
    expect(existsSync(join(root, 'dist/tag/solo'))).toBe(false)
    expect(existsSync(join(root, 'dist/2024/03'))).toBe(false)
    expect(third.outputs.removed).toBeGreaterThanOrEqual(5)
    expect(readFileSync(join(root, 'dist/CNAME'), 'utf8')).toBe('inc.example\n')

    const fourth = await build({ root })
    expect(fourth).toMatchObject({ upToDate: true, outputs: { written: 0, removed: 0 } })
  })

  it('rebuilds outputs deleted by hand even when inputs did not change', async () => {
    const root = inlineSite(config + post('a', '2024-01-01'))
    await build({ root })
    rmSync(join(root, 'dist/2024'), { recursive: true })
    const again = await build({ root })
    expect(again.upToDate).toBe(false)
    expect(again.outputs.written).toBe(4)
    expect(existsSync(join(root, 'dist/2024/01/01/a/index.html'))).toBe(true)
  })

  it('--clean rewrites every file; a corrupt cache is rebuilt with a warning', async () => {
    const root = inlineSite(config + post('a', '2024-01-01'))
    const first = await build({ root })
    expect((await build({ root, clean: true })).outputs.written).toBe(first.outputs.total)
    writeFileSync(join(root, '.bds/build.db'), 'this is not a database'.repeat(100))
    for (const f of ['build.db-wal', 'build.db-shm']) rmSync(join(root, '.bds', f), { force: true })
    const after = await build({ root })
    expect(after.diagnostics.map((d) => d.code)).toContain('BDS_CACHE_RESET')
    expect(after.outputs.total).toBe(first.outputs.total)
    expect(after.outputs.written).toBe(0)
  })

  it('replays the diagnostics of the last build when nothing changed', async () => {
    const root = inlineSite(
      `${config}${post('a', '2024-01-01')}-- posts/bad.md --\n---\ndate: nope\n---\n`,
    )
    const first = await build({ root })
    const second = await build({ root })
    expect(second.upToDate).toBe(true)
    expect(second.diagnostics).toEqual(first.diagnostics)
    expect(second.diagnostics[0]).toMatchObject({
      code: 'BDS_FRONTMATTER_INVALID',
      file: 'posts/bad.md',
      line: 2,
    })
  })
})

describe('interrupting a build', () => {
  // The signal goes out when the first page is on disk: the build then still has about 1500
  // pages ahead of it, so it is interrupted (exit 130), on a fast machine or a slow one.
  it('leaves no half-written or temporary file behind', async () => {
    const files: string[] = []
    for (let i = 0; i < 1000; i++)
      files.push(
        post(
          `p${i}`,
          `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
          `[t${i % 40}]`,
        ),
      )
    const root = inlineSite(config + files.join(''))
    const child = spawn(
      process.execPath,
      [join(repoRoot, 'bin/bds.js'), 'build', root, '--quiet'],
      { stdio: 'pipe' },
    )
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    )
    const written = () =>
      existsSync(join(root, 'dist/404.html')) || existsSync(join(root, 'dist/tag'))
    while (!written() && child.exitCode === null) await new Promise((r) => setTimeout(r, 5))
    child.kill('SIGINT')
    const code = await exited
    expect(code).toBe(130)
    const left = existsSync(join(root, 'dist')) ? listFiles(join(root, 'dist')) : []
    expect(left.filter((f) => f.includes('.bds-tmp'))).toEqual([])
    for (const f of left.filter((f) => f.endsWith('.html'))) {
      expect(readFileSync(join(root, 'dist', f), 'utf8').trimEnd(), f).toMatch(/<\/html>$/)
    }
    const finished = await build({ root })
    expect(finished.errors).toBe(0)
    expect(listFiles(join(root, 'dist')).filter((f) => f.includes('.bds-tmp'))).toEqual([])
  })
})
