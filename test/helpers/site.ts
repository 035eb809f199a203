// Test helpers: write a whole site from a txtar-like string into a temp folder, copy a
// fixture site, list an output tree, and run the real bds CLI.

import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
export const fixturesDir = join(repoRoot, 'fixtures')

export function tempDir(prefix = 'bds-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

/**
 * Writes files given as `-- path --` sections (txtar) into a new temp folder.
 * A section's text runs until the next `-- path --` line.
 */
export function inlineSite(txtar: string): string {
  const root = tempDir('bds-site-')
  const parts = txtar.split(/^-- (.+?) --$/m)
  for (let i = 1; i < parts.length; i += 2) {
    const path = join(root, (parts[i] as string).trim())
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, (parts[i + 1] ?? '').replace(/^\n/, ''))
  }
  return root
}

/**
 * Copies fixtures/<name> into a temp folder so builds never write into the repo. Its `.bds/`
 * cache and `dist/` output (README's quick start builds the blog fixture in place) stay behind.
 */
export function copyFixture(name: string): string {
  const dest = join(tempDir('bds-fixture-'), name.split('/').pop() as string)
  cpSync(join(fixturesDir, name), dest, {
    recursive: true,
    filter: (src) => !/\/(\.bds|dist)(\/|$)/.test(src.slice(fixturesDir.length)),
  })
  return dest
}

/** `text` with bds's version in the generator meta tag replaced, for golden files. */
export const withoutVersion = (text: string): string =>
  text.replace(/content="bds [^"]+"/g, 'content="bds VERSION"')

/** All files below `dir`, relative and sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name)
      if (statSync(p).isDirectory()) walk(p)
      else out.push(relative(dir, p))
    }
  }
  walk(dir)
  return out.sort()
}

export interface CliResult {
  status: number | null
  stdout: string
  stderr: string
}

/** Runs the real `bin/bds.js` with `args` in `cwd`. */
export function bds(args: string[], cwd = repoRoot): CliResult {
  const r = spawnSync(process.execPath, [join(repoRoot, 'bin/bds.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', TZ: 'UTC' },
  })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** A site with a past post, one scheduled for 2025-06-01 12:00 (UTC) and a draft. */
export const DATED_SITE = `
-- bds.config.json --
{"title": "Dates", "url": "https://dates.example", "timezone": "UTC"}
-- posts/past.md --
---
title: Past
date: 2024-05-01
---
Written.
-- posts/soon.md --
---
title: Soon
date: 2025-06-01 12:00
---
Scheduled.
-- posts/idea.md --
---
title: Idea
date: 2024-04-01
status: draft
---
Not yet.
`
