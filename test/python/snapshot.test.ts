// The Pyodide memory snapshot: made ahead by `bds init` (or on first use) into the cache
// folder (owner-only), used by later starts, and when it is corrupt the workers boot without
// it and it is remade — by a build that says so (issue 14, item 8).

import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { harnessSources } from '../../src/python/harness.js'
import { snapshotFile } from '../../src/python/snapshot.js'
import { bdsInProcess } from '../helpers/cli.js'
import { call, py, script, testHost } from '../helpers/python.js'

const hello = script('hello', py('def render(c):', '    return "hi " + c["who"]'))

async function startAndCall(cacheDir: string) {
  const host = testHost({ workers: 1, cacheDir })
  try {
    await host.start()
    const result = await call(host, hello, { who: 'there' })
    return { counters: host.counters(), value: result.value }
  } finally {
    await host.stop()
  }
}

/** The bds command line in this process, with the user cache folder at `cacheDir`. */
async function cli(args: string[], cacheDir: string) {
  const saved = process.env.BDS_CACHE_DIR
  process.env.BDS_CACHE_DIR = cacheDir
  try {
    return await bdsInProcess(args, cacheDir)
  } finally {
    process.env.BDS_CACHE_DIR = saved
  }
}

const PREPARING = 'bds: preparing Python (once per machine, about 7 s)…'

describe('the memory snapshot', () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'bds-snapshot-'))
  const file = snapshotFile(cacheDir, harnessSources())
  const site = join(cacheDir, 'site')

  it('is made by bds init, readable by the owner only, and used by the first build', async () => {
    expect(existsSync(file)).toBe(false)
    const stale = join(cacheDir, 'pyodide-314.0.7-0000000000000000.snapshot')
    writeFileSync(stale, 'an older harness')
    const init = await cli(['init', site], cacheDir)
    expect(init.status, init.stderr).toBe(0)
    expect(init.stderr).toContain(PREPARING)
    expect(init.stderr).toMatch(/^bds: Python is ready \(\d+\.\d s\); builds start it from /m)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(file).toMatch(/pyodide-314\.0\.7-[0-9a-f]{16}\.snapshot$/)
    expect(existsSync(stale)).toBe(false)
    // One worker is enough for the welcome post's two calls.
    const config = join(site, 'bds.config.json')
    writeFileSync(
      config,
      readFileSync(config, 'utf8').replace('"timezone"', '"python": {"workers": 1}, "timezone"'),
    )
    const first = await cli(['build', site, '--strict', '--json', '-'], cacheDir)
    expect(first.status, first.stderr).toBe(0)
    expect(first.stderr).not.toContain('preparing Python')
    expect(JSON.parse(first.stdout).python).toMatchObject({ snapshot: true, calls: 2 })
    const used = await startAndCall(cacheDir)
    expect(used.value).toBe('hi there')
    expect(used.counters.snapshot).toBe(true)
  })

  it('falls back to a plain start when the file is corrupt, and a build remakes it, saying so', async () => {
    writeFileSync(file, Buffer.alloc(1024 * 1024, 7))
    const corrupt = await startAndCall(cacheDir)
    expect(corrupt.value).toBe('hi there')
    expect(corrupt.counters.snapshot).toBe(false)
    expect(existsSync(file)).toBe(false)
    // --no-cache: from the build cache the build would be replayed, with no Python to start.
    const next = await cli(['build', site, '--clean', '--no-cache', '--json', '-'], cacheDir)
    expect(next.status, next.stderr).toBe(0)
    expect(next.stderr).toContain(PREPARING)
    expect(next.stderr).toMatch(/^bds: Python is ready \(\d+\.\d s\)\.$/m)
    expect(JSON.parse(next.stdout).python).toMatchObject({ snapshot: true })
    expect(statSync(file).size).toBeGreaterThan(1024 * 1024)
    const ready = await cli(['doctor', '--prepare'], cacheDir)
    expect(ready.status, ready.stderr).toBe(0)
    expect(ready.stderr).toBe('')
    expect(ready.stdout).toContain('(exists)')
  })
})
