// The install guard of `npm test` / `npm run check` (#14): README's two commands run
// `npm ci` once, so the guard installs only when node_modules is missing or stale.

import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot, tempDir } from '../../helpers/site.js'

type StaleReason = (dir: string) => string | undefined
const guard = join(repoRoot, 'tools/ensure-deps.js')
const { staleReason } = (await import(guard)) as { staleReason: StaleReason }

const LOCK = {
  '': { name: 'x' },
  'node_modules/a': { version: '1.0.0', integrity: 'sha512-a' },
  'node_modules/@esbuild/darwin-arm64': { version: '0.1.0', optional: true },
}

function project(installed?: Record<string, unknown>): string {
  const dir = tempDir('bds-deps-')
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({ packages: LOCK }))
  if (installed) {
    mkdirSync(join(dir, 'node_modules'))
    writeFileSync(
      join(dir, 'node_modules/.package-lock.json'),
      JSON.stringify({ packages: installed }),
    )
  }
  return dir
}

describe('staleReason', () => {
  it('is satisfied by what npm ci installed, optional packages of other platforms aside', () => {
    expect(staleReason(project({ 'node_modules/a': LOCK['node_modules/a'] }))).toBeUndefined()
  })

  it('asks for an install when node_modules is missing, incomplete or another version', () => {
    expect(staleReason(project())).toBe('node_modules is missing')
    expect(staleReason(project({}))).toBe('node_modules/a is not installed')
    expect(
      staleReason(project({ 'node_modules/a': { version: '0.9.0', integrity: 'sha512-b' } })),
    ).toBe('node_modules/a is 0.9.0, package-lock.json says 1.0.0')
  })

  it('passes on this repository after npm ci', () => {
    expect(staleReason(repoRoot.replace(/\/$/, ''))).toBeUndefined()
  })
})
