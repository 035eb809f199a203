// The output folder is bds's own (#19): bds writes only into a folder that is empty, inside the
// site, or marked as this site's; it never replaces or removes a file it did not write, never
// writes through a link, and a build that could not write everything fails — and the next
// one, once the cause is gone, repairs the folder. Through the real CLI.

import { spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { bdsInProcess } from '../helpers/cli.js'
import { inlineSite, listFiles, repoRoot, tempDir } from '../helpers/site.js'

const SITE = `-- bds.config.json --
{"title": "Mine", "url": "https://mine.example"}
-- posts/2024/01/hello.md --
---
title: Hello
date: 2024-01-02
tags: [a]
---
Hello there.
`

const codes = (stderr: string) => [...stderr.matchAll(/\b(BDS_[A-Z_]+)\b/g)].map((m) => m[1])

describe('whose output folder', () => {
  it('refuses a folder of files bds did not write, and --force-output takes it over', async () => {
    const site = inlineSite(SITE)
    const theirs = tempDir()
    writeFileSync(join(theirs, 'index.html'), 'my own page')
    writeFileSync(join(theirs, 'authorized_keys'), 'ssh-ed25519 AAAA')
    const refused = await bdsInProcess(['build', site, '--out', theirs], repoRoot)
    expect(refused.status).toBe(1)
    expect(codes(refused.stderr)).toContain('BDS_OUTPUT_FOREIGN')
    expect(refused.stderr).toContain('--force-output')
    expect(readFileSync(join(theirs, 'index.html'), 'utf8')).toBe('my own page')
    expect(readdirSync(theirs).sort()).toEqual(['authorized_keys', 'index.html'])
    const forced = await bdsInProcess(['build', site, '--out', theirs, '--force-output'], repoRoot)
    expect(forced.status).toBe(0)
    expect(readFileSync(join(theirs, 'index.html'), 'utf8')).toContain('<html')
    expect(readFileSync(join(theirs, 'authorized_keys'), 'utf8')).toBe('ssh-ed25519 AAAA')
    // Now marked as this site's: the next build needs no flag.
    expect((await bdsInProcess(['build', site, '--out', theirs], repoRoot)).status).toBe(0)
  })

  it('refuses an "output" in the config that names a folder of another site', async () => {
    const shared = join(tempDir(), 'public')
    const first = inlineSite(SITE.replace('"Mine"', '"First"'))
    expect((await bdsInProcess(['build', first, '--out', shared], repoRoot)).status).toBe(0)
    const second = inlineSite(
      SITE.replace('{"title": "Mine"', `{"output": ${JSON.stringify(shared)}, "title": "Second"`),
    )
    const r = await bdsInProcess(['build', second], repoRoot)
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('is the output folder of another site')
    expect(readFileSync(join(shared, 'index.html'), 'utf8')).toContain('First')
  })

  it('never replaces a file it has no record of inside its own folder', async () => {
    const site = inlineSite(SITE)
    mkdirSync(join(site, 'dist'))
    writeFileSync(join(site, 'dist/index.html'), 'hand-made home page')
    const r = await bdsInProcess(['build', site], repoRoot)
    expect(r.status).toBe(1)
    expect(codes(r.stderr)).toContain('BDS_OUTPUT_NOT_OURS')
    expect(r.stderr).toContain('dist/index.html')
    expect(readFileSync(join(site, 'dist/index.html'), 'utf8')).toBe('hand-made home page')
    expect(existsSync(join(site, 'dist/2024/01/02/hello/index.html'))).toBe(true)
  })

  it('keeps knowing its own files when .bds/ is deleted', async () => {
    const site = inlineSite(SITE)
    expect((await bdsInProcess(['build', site], repoRoot)).status).toBe(0)
    spawnSync('rm', ['-rf', join(site, '.bds')])
    writeFileSync(
      join(site, 'posts/2024/01/hello.md'),
      SITE.split('-- posts/2024/01/hello.md --\n')[1]?.replace('Hello there.', 'Changed.') ?? '',
    )
    const r = await bdsInProcess(['build', site], repoRoot)
    expect(r.status, r.stderr).toBe(0)
    expect(readFileSync(join(site, 'dist/2024/01/02/hello/index.html'), 'utf8')).toContain(
      'Changed.',
    )
  })

  it('writes nothing through a link inside the output folder', async () => {
    const site = inlineSite(SITE)
    expect((await bdsInProcess(['build', site], repoRoot)).status).toBe(0)
    const elsewhere = tempDir()
    spawnSync('rm', ['-rf', join(site, 'dist/2024')])
    symlinkSync(elsewhere, join(site, 'dist/2024'))
    writeFileSync(
      join(site, 'posts/2024/01/hello.md'),
      readFileSync(join(site, 'posts/2024/01/hello.md'), 'utf8').replace('Hello there.', 'Again.'),
    )
    const r = await bdsInProcess(['build', site], repoRoot)
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/could not be written/)
    expect(readdirSync(elsewhere)).toEqual([])
  })

  it('refuses --out through a link to the site folder', async () => {
    const site = inlineSite(SITE)
    const link = join(tempDir(), 'out-link')
    symlinkSync(site, link)
    const r = await bdsInProcess(['build', site, '--out', link], repoRoot)
    expect(r.status).toBe(1)
    expect(codes(r.stderr)).toContain('BDS_OUTPUT_UNSAFE')
    expect(existsSync(join(site, 'index.html'))).toBe(false)
  })
})

describe('interrupted builds', () => {
  it('leave no temporary file that the next build does not clear', async () => {
    const site = inlineSite(SITE)
    expect((await bdsInProcess(['build', site], repoRoot)).status).toBe(0)
    mkdirSync(join(site, 'dist/.bds-tmp'), { recursive: true })
    // A process id that no running process has (Linux pids stay below 2^22).
    writeFileSync(join(site, 'dist/.bds-tmp/99999999-0-1'), 'half a page')
    writeFileSync(
      join(site, 'posts/2024/01/hello.md'),
      readFileSync(join(site, 'posts/2024/01/hello.md'), 'utf8').replace('Hello there.', 'Later.'),
    )
    expect((await bdsInProcess(['build', site], repoRoot)).status).toBe(0)
    expect(existsSync(join(site, 'dist/.bds-tmp'))).toBe(false)
    expect(listFiles(join(site, 'dist')).filter((f) => f.includes('tmp'))).toEqual([])
  })

  it('of an older bds (temporary files beside their target) are cleared too', async () => {
    const site = inlineSite(SITE)
    expect((await bdsInProcess(['build', site], repoRoot)).status).toBe(0)
    spawnSync('rm', [join(site, 'dist/.bds-output.json')])
    writeFileSync(join(site, 'dist/2024/.index.html.bds-tmp-4242'), '<html><body>half')
    expect((await bdsInProcess(['build', site], repoRoot)).status).toBe(0)
    expect(listFiles(join(site, 'dist')).filter((f) => f.includes('tmp'))).toEqual([])
  })
})

// Root writes through permission bits, so a read-only folder and a full disk are made with
// small tmpfs mounts; where mounting is not allowed, the test says so and does not run.
const mounts: string[] = []
const canMount = (() => {
  const probe = tempDir()
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe])
  if (r.status !== 0) return false
  spawnSync('umount', [probe])
  return true
})()
if (!canMount)
  console.warn('NOTICE: cannot mount tmpfs here; the read-only and full-disk tests do not run.')
afterAll(async () => {
  for (const m of mounts) spawnSync('umount', ['-l', m])
})

describe.runIf(canMount)('failing disks', () => {
  const mount = (options: string) => {
    const dir = tempDir()
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]).status).toBe(0)
    mounts.push(dir)
    return dir
  }

  it('a read-only output folder fails the build; once writable, the next build repairs it', async () => {
    const site = inlineSite(SITE)
    const out = mount('size=4m')
    expect(spawnSync('mount', ['-o', 'remount,ro', out]).status).toBe(0)
    const r = await bdsInProcess(['build', site, '--out', out], repoRoot)
    expect(r.status).toBe(1)
    expect(r.stdout + r.stderr).toMatch(/could not be written/)
    expect(r.stdout).not.toContain('Nothing changed')
    expect(spawnSync('mount', ['-o', 'remount,rw', out]).status).toBe(0)
    const again = await bdsInProcess(['build', site, '--out', out], repoRoot)
    expect(again.status, again.stderr).toBe(0)
    expect(existsSync(join(out, '2024/01/02/hello/index.html'))).toBe(true)
  })

  it('a full disk fails the build and says how many files are missing; the next build repairs it', async () => {
    const site = inlineSite(SITE)
    for (let i = 0; i < 40; i++)
      writeFileSync(
        join(site, `posts/2024/01/p${i}.md`),
        `---\ntitle: P${i}\ndate: 2024-01-${String((i % 28) + 1).padStart(2, '0')}\n---\n${'text '.repeat(2000)}\n`,
      )
    const out = mount('size=64k')
    const r = await bdsInProcess(['build', site, '--out', out], repoRoot)
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/\d+ output file\(s\) could not be written/)
    expect(spawnSync('mount', ['-o', 'remount,size=16m', out]).status).toBe(0)
    const again = await bdsInProcess(['build', site, '--out', out], repoRoot)
    expect(again.status, again.stderr).toBe(0)
    expect(existsSync(join(out, '2024/01/02/p1/index.html'))).toBe(true)
  })
})
