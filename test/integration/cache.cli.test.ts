// The build cache on the command line (#16): `bds cache stats` (text and --json), `bds cache
// clean`, `bds build --no-cache` (nothing read or written) and the summary's cache line.

import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bds, copyFixture, tempDir } from '../helpers/site.js'

interface Stats {
  file: string
  bytes: number
  kinds: Record<string, { rows: number; bytes: number }> | null
}

const stats = (site: string) => {
  const r = bds(['-C', site, 'cache', 'stats', '--json'])
  expect(r.status, r.stderr).toBe(0)
  return JSON.parse(r.stdout) as Stats
}

describe('bds cache', () => {
  it('stats shows what a build stored, clean removes it, --no-cache stores nothing', () => {
    const site = copyFixture('sites/blog')
    const db = join(site, '.bds', 'cache.db')
    const out = () => join(tempDir('bds-out-'), 'out')

    const plain = bds(['build', site, '--out', out(), '--no-cache'])
    expect(plain.status, plain.stderr).toBe(0)
    expect(plain.stdout).toMatch(/cache: not used \(--no-cache\): \d+ pages rendered/)
    expect(existsSync(db)).toBe(false)
    expect(stats(site).kinds).toBeNull()
    expect(bds(['-C', site, 'cache', 'stats']).stdout).toContain('No build cache')

    const first = bds(['build', site, '--out', out()])
    expect(first.stdout).toMatch(/cache: pages 0 from cache, [1-9]\d* rendered/)
    const filled = stats(site)
    expect(filled.file).toBe(db)
    expect(filled.kinds?.pages?.rows).toBeGreaterThan(0)
    expect(filled.kinds?.markdown?.rows).toBeGreaterThan(0)
    expect(filled.kinds?.builds?.rows).toBe(1)
    // The pages' bytes are files of their own, counted in the total.
    expect(readdirSync(join(site, '.bds', 'pages')).length).toBeGreaterThan(0)
    expect(filled.bytes).toBeGreaterThan(filled.kinds?.pages?.bytes ?? Number.POSITIVE_INFINITY)
    const shown = bds(['-C', site, 'cache', 'stats']).stdout
    expect(shown).toMatch(/pages\s+\d+ rows/)
    expect(shown).toContain('cache.db and pages/:')

    const again = bds(['build', site, '--out', out()])
    expect(again.stdout).toMatch(/cache: pages [1-9]\d* from cache, 0 rendered/)

    const clean = bds(['-C', site, 'cache', 'clean'])
    expect(clean.status, clean.stderr).toBe(0)
    expect(clean.stdout).toMatch(/^Removed the build cache/)
    expect(existsSync(db)).toBe(false)
    expect(existsSync(join(site, '.bds', 'pages'))).toBe(false)
    expect(existsSync(join(site, '.bds', 'build.db'))).toBe(true) // not the build's record
    expect(bds(['-C', site, 'cache', 'clean']).stdout).toContain('There was no build cache')
  })
})
