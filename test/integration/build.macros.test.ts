// Macros through the real build: the fixture site that uses every built-in macro (and a
// malformed token), with and without --strict, plus the runner seam Python macros will use.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { build } from '../../dist/index.js'
import { BdsError } from '../../src/errors/index.js'
import type { MacroRunner } from '../../src/macros/index.js'
import { bdsInProcess } from '../helpers/cli.js'
import { fakeRunner } from '../helpers/fake-macros.js'
import {
  copyFixture,
  fixturesDir,
  inlineSite,
  listFiles,
  repoRoot,
  tempDir,
  withoutVersion,
} from '../helpers/site.js'

const golden = join(fixturesDir, 'sites/macros/__golden__')

describe('fixtures/sites/macros', () => {
  it('expands every built-in macro and matches the golden files', async () => {
    const root = copyFixture('sites/macros')
    const out = join(tempDir(), 'out')
    const report = await build({ root, out })
    for (const name of [
      'youtube',
      'vimeo',
      'gallery',
      'photo_archive',
      'photo_album',
      'tag_cloud',
    ]) {
      expect(report.macros[name], name).toBeGreaterThan(0)
    }
    const codes = report.diagnostics.map(
      (d) => `${d.severity} ${d.code} ${d.file}:${d.line}:${d.column}`,
    )
    await expect(`${codes.join('\n')}\n`).toMatchFileSnapshot(join(golden, 'DIAGNOSTICS.txt'))
    expect(codes.some((c) => c.includes('BDS_MACRO_UNKNOWN'))).toBe(true)
    expect(codes.some((c) => c.includes('BDS_MACRO_SYNTAX') && c.includes('posts/broken.md'))).toBe(
      true,
    )
    const files = listFiles(out)
    await expect(`${files.join('\n')}\n`).toMatchFileSnapshot(join(golden, 'FILES.txt'))
    for (const file of files.filter((f) => /\.(html|xml)$/.test(f))) {
      const html = withoutVersion(readFileSync(join(out, file), 'utf8'))
      await expect(html).toMatchFileSnapshot(join(golden, file))
    }
    const rss = readFileSync(join(out, 'rss.xml'), 'utf8')
    expect(rss).toContain('macro-youtube')
  })

  it('builds without --strict (exit 0) and fails with it (exit 1)', async () => {
    const root = copyFixture('sites/macros')
    const loose = await bdsInProcess(['build', root, '--quiet'], repoRoot)
    expect(loose.status, loose.stderr).toBe(0)
    expect(loose.stderr).toContain('BDS_MACRO_SYNTAX')
    expect(loose.stderr).toContain('posts/broken.md:')
    const strict = await bdsInProcess(['build', root, '--strict', '--quiet'], repoRoot)
    expect(strict.status).toBe(1)
  })
})

describe('macro runners', () => {
  it('runs names the built-ins lack through the injected runners, in batches', async () => {
    const root = inlineSite(
      '-- bds.config.json --\n{"title": "R", "url": "https://r.example"}\n' +
        '-- posts/a.md --\n---\ntitle: A\ndate: 2024-01-01\n---\n\n[[shout text="hi" n=2]]\n\nAnd [[youtube id=dQw4w9WgXcQ]] inline.\n',
    )
    const report = await build({ root }, { macroRunners: [fakeRunner] })
    expect(report.macros).toEqual({ shout: 1, youtube: 1 })
    expect(report.diagnostics).toEqual([])
    const html = readFileSync(join(root, 'dist/2024/01/01/a/index.html'), 'utf8')
    expect(html).toContain('<x-shout text="hi" n=2/>\n')
    expect(html).not.toContain('<p><x-shout')
    expect(html).toMatch(/<p>And <div class="macro-youtube"/)
  })

  it('sends the calls of 500 posts at a time, rendered with placeholders on the workers', async () => {
    const posts = Array.from({ length: 1001 }, (_, i) => {
      const n = String(i).padStart(4, '0')
      return `-- posts/p${n}.md --\n---\ntitle: P${n}\ndate: 2024-01-01\n---\n\n[[shout n=${i}]]\n`
    })
    const root = inlineSite(
      `-- bds.config.json --\n{"title": "R", "url": "https://r.example"}\n${posts.join('')}`,
    )
    const batches: number[] = []
    // A runner's own problem (a script that does not parse) comes with every batch it runs.
    const problem = new BdsError('BDS_MACRO_FAILED', 'scripts/shout.py does not parse', {
      pos: { file: 'scripts/shout.py', line: 1, column: 1 },
      severity: 'warning',
    })
    const runner: MacroRunner = {
      ...fakeRunner,
      diagnostics: () => [problem],
      run: (batch) => {
        batches.push(batch.length)
        return fakeRunner.run(batch)
      },
    }
    const report = await build({ root }, { macroRunners: [runner], parallel: true })
    expect(batches).toEqual([500, 500, 1])
    expect(report.macros).toEqual({ shout: 1001 })
    expect(report.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['BDS_MACRO_FAILED', 'scripts/shout.py does not parse'],
    ])
    for (const i of [0, 499, 500, 1000]) {
      const n = String(i).padStart(4, '0')
      const html = readFileSync(join(root, `dist/2024/01/01/p${n}/index.html`), 'utf8')
      expect(html).toContain(`<x-shout n=${i}/>`)
    }
  })

  it('passes every value as a string with macros.stringParams', async () => {
    const root = inlineSite(
      '-- bds.config.json --\n{"title": "R", "url": "https://r.example", "macros": {"stringParams": true}}\n' +
        '-- posts/a.md --\n---\ntitle: A\ndate: 2024-01-01\n---\n\n[[shout n=2 f=true flag z=007]]\n',
    )
    await build({ root }, { macroRunners: [fakeRunner] })
    expect(readFileSync(join(root, 'dist/2024/01/01/a/index.html'), 'utf8')).toContain(
      '<x-shout n="2" f="true" flag="true" z="007"/>',
    )
  })
})
