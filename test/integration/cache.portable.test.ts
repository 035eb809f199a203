// The build cache holds nothing of the machine it was made on (#16): no row of any table
// names the site's folder, the output folder or the user's home, so a `.bds/` restored on
// another machine or into another clone can hit (test/python/cache.test.ts shows it does).

import { realpathSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { KINDS } from '../../src/cache/index.js'
import { bds, copyFixture, tempDir } from '../helpers/site.js'

describe.each(['blog', 'macros'])('the build cache of the fixture site %s', (fixture) => {
  it('names no absolute path of this machine', () => {
    const site = copyFixture(`sites/${fixture}`)
    const out = join(tempDir('bds-out-'), 'out')
    const r = bds(['build', site, '--out', out])
    expect(r.status, r.stderr).toBe(0)
    const db = new Database(join(site, '.bds', 'cache.db'), { readonly: true })
    const text: string[] = []
    for (const kind of KINDS)
      for (const row of db.prepare(`SELECT * FROM ${kind}`).all() as Record<string, unknown>[])
        text.push(...Object.values(row).map((v) => (Buffer.isBuffer(v) ? v.toString() : `${v}`)))
    db.close()
    expect(text.length).toBeGreaterThan(0)
    const all = text.join('\n')
    const local = [site, realpathSync(site), out, homedir()].filter((p) => p.length > 1)
    for (const path of local) expect(all.includes(path), path).toBe(false)
  })
})
