// The site's utility scripts as Python modules: every enabled `kind: utility` script whose
// file name is a Python identifier, importable by that name from macros, transforms and
// other utilities (`import reading_time`). Sources are read here and sent as data.

import type { UtilityModule } from '../../python/index.js'
import type { ScriptRow } from '../../scripts/index.js'

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/

/** The module name of a script file: `scripts/reading_time.py` → `reading_time`. */
export const moduleName = (path: string): string =>
  (path.split('/').pop() ?? '').replace(/\.py$/, '')

/** The enabled utility scripts among `rows` that are importable, in name order. */
const importable = (rows: readonly ScriptRow[]) =>
  rows
    .filter((r) => r.kind === 'utility' && r.enabled && IDENTIFIER.test(moduleName(r.path)))
    .sort((a, b) => moduleName(a.path).localeCompare(moduleName(b.path)))

/** What the modules a script may import are, as text: a cached result depends on them. */
export const utilityKey = (rows: readonly ScriptRow[]): string =>
  importable(rows)
    .map((r) => `${moduleName(r.path)}:${r.path}:${r.hash}`)
    .join('\n')

/** The enabled utility scripts among `rows` as modules, in name order. */
export async function utilityModules(
  rows: readonly ScriptRow[],
  read: (path: string) => Promise<string> | string,
): Promise<UtilityModule[]> {
  const utilities = importable(rows)
  return Promise.all(
    utilities.map(async (r) => ({
      name: moduleName(r.path),
      file: r.path,
      source: await read(r.path),
      hash: r.hash,
    })),
  )
}
