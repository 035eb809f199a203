import { describe, expect, it } from 'vitest'
import { parseHeader, patchHeader, readMeta, writeHeader } from '../../../src/scripts/index.js'

const bds = `"""
---
id: "3f1c9a5e-1111-4222-8333-444455556666"
projectId: "p1"
slug: "word_count"
title: "Word \\"count\\" \\\\ more"
kind: "macro"
entrypoint: "render"
enabled: true
version: 3
createdAt: "2026-02-20T10:00:00.000Z"
updatedAt: "2026-02-21T11:00:00.000Z"
---
"""
def render(context, post):
    return "x"
`

describe('script header', () => {
  it('reads a header written by bDS unchanged', () => {
    const { meta, diagnostics } = readMeta(bds, 'scripts/word_count.py')
    expect(diagnostics).toEqual([])
    expect(meta).toMatchObject({
      id: '3f1c9a5e-1111-4222-8333-444455556666',
      slug: 'word_count',
      title: 'Word "count" \\ more',
      kind: 'macro',
      entrypoint: 'render',
      enabled: true,
      version: 3,
      createdAt: '2026-02-20T10:00:00.000Z',
      hasHeader: true,
    })
    expect(bds.slice(parseHeader(bds).bodyStart)).toBe(
      'def render(context, post):\n    return "x"\n',
    )
  })

  it('writes a header that reads back the same, byte-stable', () => {
    const fields = {
      id: 'a',
      slug: 's',
      title: 'T "q" \\ z',
      kind: 'utility',
      entrypoint: 'main',
      enabled: false,
      version: 7,
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-02T00:00:00.000Z',
    }
    const text = `${writeHeader(fields)}def main():\n    pass\n`
    const lines = parseHeader(text).lines ?? []
    expect(Object.fromEntries(lines.map((l) => [l.key, l.value]))).toEqual(fields)
    const again = `${writeHeader(Object.fromEntries(lines.map((l) => [l.key, l.value])))}def main():\n    pass\n`
    expect(again).toBe(text)
    const bdsFields = Object.fromEntries(
      (parseHeader(bds).lines ?? []).map((l) => [l.key, l.value]),
    )
    const { projectId: _p, ...known } = bdsFields
    expect(writeHeader({ ...known, projectId: 'p1' }).replace('projectId: "p1"\n', '')).toBe(
      bds.slice(0, parseHeader(bds).bodyStart).replace('projectId: "p1"\n', ''),
    )
  })

  it('patches header lines and leaves every other byte alone', () => {
    const patched = patchHeader(bds, { enabled: false, version: 4 })
    expect(patched).toBe(
      bds.replace('enabled: true', 'enabled: false').replace('version: 3', 'version: 4'),
    )
    const added = patchHeader('"""\n---\nslug: "a"\n---\n"""\nbody = 1\n', { enabled: false })
    expect(added).toBe('"""\n---\nslug: "a"\nenabled: false\n---\n"""\nbody = 1\n')
    const crlf = '"""\r\n---\r\nenabled: true\r\n---\r\n"""\r\nx = 1\r\n'
    expect(patchHeader(crlf, { enabled: false })).toBe(crlf.replace('true', 'false'))
  })

  it('treats a file without a header as all body, with defaults and no warnings', () => {
    const { meta, diagnostics } = readMeta('def main():\n    pass\n', 'scripts/My Tool!.py')
    expect(diagnostics).toEqual([])
    expect(meta).toMatchObject({
      slug: 'my_tool',
      kind: 'utility',
      entrypoint: 'main',
      enabled: true,
      version: 1,
      hasHeader: false,
      title: 'my_tool',
    })
    expect(meta.id).toMatch(/^[0-9a-f]{8}-/)
    expect(readMeta('x = 1\n', 'scripts/My Tool!.py').meta.id).toBe(meta.id)
  })

  it('falls back for every invalid value, with a warning at its line', () => {
    const source =
      '"""\n---\nid: ""\nslug: "Not A Slug"\ntitle: 3\nkind: "gadget"\nentrypoint: "not valid"\nenabled: "yes"\nversion: -2\ncreatedAt: "someday"\n---\n"""\n'
    const { meta, diagnostics } = readMeta(source, 'scripts/thing.py')
    expect(meta).toMatchObject({
      slug: 'thing',
      title: 'thing',
      kind: 'utility',
      entrypoint: 'main',
      enabled: true,
      version: 1,
      createdAt: undefined,
    })
    expect(diagnostics.map((d) => `${d.code} ${d.pos?.line} ${d.severity}`)).toEqual([
      'BDS_SCRIPT_HEADER 3 warning',
      'BDS_SCRIPT_HEADER 4 warning',
      'BDS_SCRIPT_HEADER 5 warning',
      'BDS_SCRIPT_HEADER 6 warning',
      'BDS_SCRIPT_HEADER 7 warning',
      'BDS_SCRIPT_HEADER 8 warning',
      'BDS_SCRIPT_HEADER 9 warning',
      'BDS_SCRIPT_HEADER 10 warning',
    ])
    expect(diagnostics[0]?.message).toContain('scripts/thing.py')
  })

  it('uses the kind to pick the default entrypoint; a missing key is not a warning', () => {
    // #14: a header that gives only what it needs (kind and title) passes --strict.
    const { meta, diagnostics } = readMeta(
      '"""\n---\nkind: "transform"\ntitle: "Tidy"\n---\n"""\n',
      'scripts/t.py',
    )
    expect(meta).toMatchObject({
      kind: 'transform',
      entrypoint: 'transform',
      slug: 't',
      title: 'Tidy',
      enabled: true,
      version: 1,
    })
    expect(diagnostics).toEqual([])
  })

  it('reads `cache: false` (results never cached); true by default, anything else warns', () => {
    // #16: a script that reads the clock or randomness opts out of the build cache.
    const header = (value: string) => `"""\n---\nkind: "macro"\ncache: ${value}\n---\n"""\n`
    expect(readMeta(header('false'), 'scripts/c.py').meta.cache).toBe(false)
    expect(readMeta(header('true'), 'scripts/c.py').meta.cache).toBe(true)
    expect(readMeta('x = 1\n', 'scripts/c.py').meta.cache).toBe(true)
    const odd = readMeta(header('"no"'), 'scripts/c.py')
    expect(odd.meta.cache).toBe(true)
    expect(odd.diagnostics[0]?.message).toContain('has an invalid "cache"')
  })
})
