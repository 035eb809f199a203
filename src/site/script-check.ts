// Before the first Python macro runs, every enabled macro script is parsed with Python's
// `ast` (nothing executes): a syntax error or a missing entrypoint is reported once, at the
// script's own line, and that script's tokens render as empty strings.

import { BdsError } from '../errors/index.js'
import type { PythonHost, ScriptSource } from '../python/index.js'

/** Checks the scripts; returns why each broken one cannot run, by slug. */
export async function checkScripts(
  host: PythonHost,
  scripts: Map<string, ScriptSource>,
  diagnostics: BdsError[],
): Promise<Map<string, string>> {
  const broken = new Map<string, string>()
  const list = [...scripts]
  const results = await host.check(list.map(([, s]) => ({ file: s.file, source: s.source })))
  results.forEach((result, i) => {
    const [slug, script] = list[i] as [string, ScriptSource]
    if (result.error) {
      const { message, line, column } = result.error
      const pos = { file: script.file, line, column }
      diagnostics.push(new BdsError('BDS_SCRIPT_SYNTAX', `${script.file}: ${message}`, { pos }))
      broken.set(slug, `${script.file} has a syntax error (line ${line}).`)
    } else if (!result.functions.includes(script.entrypoint)) {
      const found = result.functions.length ? ` (it defines ${result.functions.join(', ')})` : ''
      const message = `${script.file} has no function ${script.entrypoint}()${found}.`
      const pos = { file: script.file, line: 1, column: 1 }
      diagnostics.push(new BdsError('BDS_SCRIPT_ENTRYPOINT', message, { pos }))
      broken.set(slug, message)
    }
  })
  return broken
}
