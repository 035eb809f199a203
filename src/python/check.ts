// Scripts are parsed with Python's `ast` before they run (nothing executes): a syntax error
// is reported at its own line and column, a missing entrypoint at the script's first line.
// Builds do it before the first macro call; `bds scripts check` does it on demand.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { BdsError } from '../errors/index.js'
import type { CheckResult, PythonHost, ScriptSource } from './types.js'

interface ScriptCheck {
  script: ScriptSource
  result: CheckResult
  /** Why the script cannot run, or undefined when it can. */
  problem?: BdsError
}

/** A script as the workers see it, read from the site. */
export function readScript(
  root: string,
  row: { id: string; slug: string; path: string; hash: string; entrypoint: string },
): ScriptSource {
  const source = readFileSync(join(root, row.path), 'utf8')
  const { id, slug, hash, entrypoint } = row
  return { id, slug, file: row.path, source, hash, entrypoint }
}

/** Why a checked script cannot run (a syntax error, no entrypoint), or undefined. */
export function scriptProblem(script: ScriptSource, result: CheckResult): BdsError | undefined {
  if (result.error) {
    const { message, line, column } = result.error
    const pos = { file: script.file, line, column }
    return new BdsError('BDS_SCRIPT_SYNTAX', `${script.file}: ${message}`, { pos })
  }
  if (result.functions.includes(script.entrypoint)) return undefined
  const found = result.functions.length ? ` (it defines ${result.functions.join(', ')})` : ''
  const message = `${script.file} has no function ${script.entrypoint}()${found}.`
  const pos = { file: script.file, line: 1, column: 1 }
  return new BdsError('BDS_SCRIPT_ENTRYPOINT', message, { pos })
}

export async function checkScripts(
  host: PythonHost,
  scripts: readonly ScriptSource[],
): Promise<ScriptCheck[]> {
  const results = await host.check(
    scripts.map((s) => ({ file: s.file, source: s.source, entrypoint: s.entrypoint })),
  )
  return results.map((result, i) => {
    const script = scripts[i] as ScriptSource
    return { script, result, problem: scriptProblem(script, result) }
  })
}
