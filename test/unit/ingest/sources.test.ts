// Which transforms run, in which order (issue #7, rule 3): enabled `kind: transform`
// scripts from the synced index, by updatedAt, then slug; each with its file's text.

import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { enabledTransforms } from '../../../src/ingest/index.js'
import { writeHeader } from '../../../src/scripts/index.js'
import { tempDir } from '../../helpers/site.js'

const script = (slug: string, updatedAt?: string, more: Record<string, string | boolean> = {}) =>
  `${writeHeader({ id: `id-${slug}`, slug, title: slug, kind: 'transform', entrypoint: 'transform', enabled: true, version: 1, ...(updatedAt ? { updatedAt } : {}), ...more })}\ndef transform(post, context):\n    return None\n`

/** The transforms of a new site holding `files` in scripts/. */
function transformsOf(files: Record<string, string>) {
  const root = tempDir()
  mkdirSync(join(root, 'scripts'))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 'scripts', name), text)
  return enabledTransforms(root, join(root, '.bds'))
}

describe('enabledTransforms', () => {
  it('orders enabled transforms by updatedAt, then slug, and leaves out the rest', () => {
    const files: Record<string, string> = {
      'late.py': script('late', '2024-05-01T00:00:00Z'),
      'b_early.py': script('b_early', '2024-01-01T00:00:00Z'),
      'a_early.py': script('a_early', '2024-01-01T00:00:00Z'),
      'middle.py': script('middle', '2024-03-01T00:00:00Z', { entrypoint: 'shape' }),
      'off.py': script('off', '2023-01-01T00:00:00Z', { enabled: false }),
      'macro.py': script('macro', '2023-01-01T00:00:00Z', { kind: 'macro' }),
    }
    const { sources, diagnostics } = transformsOf(files)
    expect(diagnostics).toEqual([])
    expect(sources.map((s) => [s.slug, s.entrypoint, s.file])).toEqual([
      ['a_early', 'transform', 'scripts/a_early.py'],
      ['b_early', 'transform', 'scripts/b_early.py'],
      ['middle', 'shape', 'scripts/middle.py'],
      ['late', 'transform', 'scripts/late.py'],
    ])
    expect(sources[0]?.source).toBe(files['a_early.py'])
    expect(sources[0]?.hash).toMatch(/^[0-9a-f]{40}$/)
  })

  it('compares updatedAt as instants, whatever their format; no date runs first', () => {
    const { sources } = transformsOf({
      'z.py': script('z', '2024-01-09T00:00:00.000Z'),
      'y.py': script('y', '2024-01-09T01:00:00+02:00'),
      'x.py': script('x', '2024-01-09T00:00:00Z'),
      'w.py': script('w'),
    })
    expect(sources.map((s) => s.slug)).toEqual(['w', 'y', 'x', 'z'])
  })

  it('reports header problems of a transform as warnings', () => {
    const { sources, diagnostics } = transformsOf({ 't.py': script('t', 'yesterday') })
    expect(sources.map((s) => s.slug)).toEqual(['t'])
    expect(diagnostics.map((d) => [d.code, d.pos?.file])).toEqual([
      ['BDS_SCRIPT_HEADER', 'scripts/t.py'],
    ])
  })
})
