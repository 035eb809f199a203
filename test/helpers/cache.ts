// Builds a fixture site four ways and returns each output tree and report: without the build
// cache, with an empty one, replayed from it, and through the pipeline with every result
// cached (the record of whole builds removed) — the build cache's byte-identity check (#16).

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { expect } from 'vitest'
import { bds, copyFixture, listFiles, tempDir } from './site.js'

export interface Built {
  files: Map<string, Buffer>
  report: {
    upToDate: boolean
    steps: { name: string }[]
    diagnostics: unknown[]
    macros: Record<string, number>
    cache?: Record<'pages' | 'markdown' | 'macros', { cached: number; computed: number }> & {
      search?: { cached: number; computed: number }
    }
  }
}

function build(site: string, args: string[]): Built {
  const out = join(tempDir('bds-out-'), 'out')
  const report = join(tempDir('bds-report-'), 'report.json')
  const r = bds(['build', site, '--out', out, '--json', report, '--quiet', ...args])
  if (r.status !== 0) throw new Error(`bds build failed: ${r.stderr}`)
  // The output folder's record names the folder's site by a hash of its path: the same here.
  const files = new Map(listFiles(out).map((f) => [f, readFileSync(join(out, f))]))
  return { files, report: JSON.parse(readFileSync(report, 'utf8')) as Built['report'] }
}

export function buildFourWays(
  fixture: string,
): Record<'none' | 'cold' | 'replayed' | 'warm', Built> {
  const site = copyFixture(`sites/${fixture}`)
  const none = build(site, ['--no-cache'])
  const cold = build(site, [])
  const replayed = build(site, [])
  const db = new Database(join(site, '.bds', 'cache.db'))
  db.exec('DELETE FROM builds')
  db.close()
  const warm = build(site, [])
  return { none, cold, replayed, warm }
}

/** Every way gives the uncached build's files, bytes, diagnostics and macro counts. */
export function expectSameAsUncached(built: ReturnType<typeof buildFourWays>): void {
  const { none } = built
  for (const [way, b] of Object.entries(built)) {
    expect([...b.files.keys()], way).toEqual([...none.files.keys()])
    for (const [path, bytes] of none.files)
      expect(b.files.get(path), `${way}: ${path}`).toEqual(bytes)
    expect(b.report.diagnostics, way).toEqual(none.report.diagnostics)
    expect(b.report.macros, way).toEqual(none.report.macros)
  }
}
