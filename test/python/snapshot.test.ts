// The Pyodide memory snapshot: made on first use into the cache folder (owner-only), used
// by later starts, and when it is corrupt the workers boot without it and it is remade.

import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { harnessSources } from '../../src/python/harness.js'
import { snapshotFile } from '../../src/python/snapshot.js'
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

describe('the memory snapshot', () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'bds-snapshot-'))
  const file = snapshotFile(cacheDir, harnessSources())

  it('is made on first use, readable by the owner only, and used', async () => {
    expect(existsSync(file)).toBe(false)
    const stale = join(cacheDir, 'pyodide-314.0.7-0000000000000000.snapshot')
    writeFileSync(stale, 'an older harness')
    const first = await startAndCall(cacheDir)
    expect(first.value).toBe('hi there')
    expect(first.counters.snapshot).toBe(true)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(file).toMatch(/pyodide-314\.0\.7-[0-9a-f]{16}\.snapshot$/)
    expect(existsSync(stale)).toBe(false)
  })

  it('falls back to a plain start when the file is corrupt, and is remade after', async () => {
    writeFileSync(file, Buffer.alloc(1024 * 1024, 7))
    const corrupt = await startAndCall(cacheDir)
    expect(corrupt.value).toBe('hi there')
    expect(corrupt.counters.snapshot).toBe(false)
    expect(existsSync(file)).toBe(false)
    const next = await startAndCall(cacheDir)
    expect(next.counters.snapshot).toBe(true)
    expect(statSync(file).size).toBeGreaterThan(1024 * 1024)
  })
})
