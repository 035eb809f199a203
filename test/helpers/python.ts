// Helpers for the `python` test project: a real Pyodide host whose snapshot lives in one
// temp cache shared by every test file, and script sources built inline.

import { createHash } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  createPythonHost,
  type PythonCallResult,
  type PythonHost,
  type PythonHostOptions,
  type ScriptSource,
} from '../../src/python/index.js'

/** One snapshot for the whole test run (made by the first host that starts): vitest.config.ts's. */
export const testCacheDir = process.env.BDS_CACHE_DIR ?? join(tmpdir(), 'bds-test-python-cache')

export function testHost(options: Partial<PythonHostOptions> = {}): PythonHost {
  return createPythonHost({
    workers: 2,
    timeoutMs: 5000,
    memoryMiB: 512,
    cacheDir: testCacheDir,
    ...options,
  })
}

/** A script as the host sees it; the id defaults to the slug, the hash follows the source. */
export function script(
  slug: string,
  source: string,
  options: { entrypoint?: string; id?: string } = {},
): ScriptSource {
  const hash = createHash('sha1').update(source).digest('hex')
  return {
    id: options.id ?? slug,
    slug,
    file: `scripts/${slug}.py`,
    source,
    hash,
    entrypoint: options.entrypoint ?? 'render',
  }
}

/** Runs one call and returns its result. */
export async function call(
  host: PythonHost,
  s: ScriptSource,
  ...args: unknown[]
): Promise<PythonCallResult> {
  const [result] = await host.run([{ script: s, args }])
  return result as PythonCallResult
}

/** Python source from lines (keeps test sources readable without indentation games). */
export const py = (...lines: string[]) => `${lines.join('\n')}\n`

/**
 * One warm host for every build of a test file (BuildDeps.python), made at its first use:
 * each build would otherwise start its own sandbox and workers. Stop it in afterAll.
 */
export function sharedPython(): { python: () => PythonHost; stop: () => Promise<void> } {
  let host: PythonHost | undefined
  return {
    python: () => {
      host ??= testHost()
      return host
    },
    stop: async () => host?.stop(),
  }
}
