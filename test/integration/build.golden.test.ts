// Golden output of the fixture sites: every generated text file is compared with
// fixtures/sites/<site>/__golden__/ (refresh with `npx vitest run -u`, review like code).
// The same site rendered by one thread and by several must be byte-identical.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { build } from '../../dist/index.js'
import { sharedPython } from '../helpers/python.js'
import { copyFixture, fixturesDir, listFiles, tempDir, withoutVersion } from '../helpers/site.js'

// The output folder's record names the site by a hash of its path: not golden.
const generated = /^(?!\.bds-output\.json$).*\.(html|xml|json)$/
// The bDS project's Python macros run in one warm pool for the whole file.
const shared = sharedPython()
afterAll(() => shared.stop())
const python = shared.python

describe.each(['blog', 'bds-project'])('fixtures/sites/%s', (site) => {
  const golden = join(fixturesDir, 'sites', site, '__golden__')

  it('builds without diagnostics and matches the golden files', async () => {
    const root = copyFixture(`sites/${site}`)
    const out = join(tempDir(), 'out')
    const report = await build({ root, out, strict: true }, { python })
    expect(report.diagnostics).toEqual([])
    const files = listFiles(out)
    await expect(`${files.join('\n')}\n`).toMatchFileSnapshot(join(golden, 'FILES.txt'))
    for (const file of files.filter((f) => generated.test(f))) {
      await expect(withoutVersion(readFileSync(join(out, file), 'utf8'))).toMatchFileSnapshot(
        join(golden, file),
      )
    }
  })

  // With 4 threads the three workers also take list pages (render-jobs.ts: shareJobs).
  it.each([2, 4])('is byte-identical rendered by %i threads and by one', async (threads) => {
    const root = copyFixture(`sites/${site}`)
    const serial = join(tempDir(), 'serial')
    const parallel = join(tempDir(), 'parallel')
    await build({ root, out: serial }, { parallel: false, python })
    await build({ root, out: parallel, threads }, { parallel: true, python })
    const files = listFiles(serial)
    expect(listFiles(parallel)).toEqual(files)
    for (const file of files) {
      expect(
        readFileSync(join(parallel, file)).equals(readFileSync(join(serial, file))),
        file,
      ).toBe(true)
    }
  })
})
