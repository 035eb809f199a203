// The whole pipeline in memory (#13): a fixture site read from a memory Fs, written to a
// memory output writer, with SQLite in memory — the output equals the golden files, and the
// site's paths never appear on disk. A rebuild after an edit stays in memory too.

import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { build, buildSite, emptyChanges, memoryDeps, rebuildSite } from '../../src/build/index.js'
import { MEMORY_ROOT, MEMORY_THEME, memoryFixture } from '../helpers/memory.js'
import { sharedPython } from '../helpers/python.js'
import { fixturesDir, withoutVersion } from '../helpers/site.js'

const decode = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8')
// The bDS project's Python macros run in one warm pool for the whole file.
const shared = sharedPython()
afterAll(() => shared.stop())

describe.each(['blog', 'bds-project'])('fixtures/sites/%s built in memory', (site) => {
  const golden = join(fixturesDir, 'sites', site, '__golden__')

  it('matches the golden files without touching the disk', async () => {
    const fs = memoryFixture(site)
    const deps = memoryDeps(fs, { templatesDir: MEMORY_THEME, python: shared.python })
    const report = await build({ root: MEMORY_ROOT, strict: true }, deps)
    expect(report.diagnostics).toEqual([])
    const files = [...deps.writer.files.keys()].sort()
    expect(files).toContain('.bds-output.json')
    const expected = readFileSync(join(golden, 'FILES.txt'), 'utf8').trim().split('\n')
    expect(files).toEqual(expected)
    for (const file of files.filter((f) => /\.(html|xml|json)$/.test(f) && !f.startsWith('.'))) {
      const text = withoutVersion(decode(deps.writer.files.get(file) as Uint8Array))
      expect(text, file).toBe(readFileSync(join(golden, file), 'utf8'))
    }
    const again = await build({ root: MEMORY_ROOT, strict: true }, deps)
    expect(again.upToDate).toBe(true)
    expect(existsSync('/bds-memory')).toBe(false)
  })

  it('rebuilds an edited post in memory', async () => {
    const fs = memoryFixture(site)
    const deps = memoryDeps(fs, { templatesDir: MEMORY_THEME, python: shared.python })
    const first = await buildSite({ root: MEMORY_ROOT }, deps, { keep: true })
    const state = first.state
    if (!state) throw new Error('no state')
    const file = [...state.posts.keys()][0] as string
    const text = decode(fs.readSync(join(MEMORY_ROOT, file)))
    fs.put(join(MEMORY_ROOT, file), `${text}\n\nAn added paragraph.\n`)
    const cache = deps.stores.cache(state.config.paths.cache)
    const again = await rebuildSite(state, { ...emptyChanges(), content: [file] }, deps, cache)
    expect(again.changed.length).toBeGreaterThan(0)
    expect(again.report.outputs.written).toBeLessThan(again.report.outputs.total / 3)
    const url = (again.state.posts.get(file) as { slug: string }).slug
    const page = [...deps.writer.files.keys()].find((p) => p.includes(`/${url}/index.html`))
    expect(decode(deps.writer.files.get(page as string) as Uint8Array)).toContain(
      'An added paragraph.',
    )
    expect(existsSync('/bds-memory')).toBe(false)
  })
})
