// The scripts step: the script index is synced before every build, so the build and the
// Python runtime see exactly the scripts on disk (a lost or corrupt index is rebuilt), and a
// rebuild learns which macros changed — the slugs of macro scripts added, removed or edited,
// or 'all' when a utility changed (macros may import it). A full build whose site templates
// call a macro script starts the Python pool here.

import { join } from 'node:path'
import type { ResolvedConfig } from '../../config/index.js'
import type { BdsError } from '../../errors/index.js'
import { type PythonStep, preparePython, type RecordChecks } from '../../macros/python/index.js'
import { scanMacroCalls } from '../../render/index.js'
import { type ScriptRow, syncScripts } from '../../scripts/index.js'
import type { BuildDeps } from '../deps.js'

export interface ScriptIndex {
  /** Every indexed script. */
  rows: ScriptRow[]
  /** Enabled `kind: macro` scripts. */
  macros: ScriptRow[]
  diagnostics: BdsError[]
}

export function syncIndex(root: string, cacheDir: string, deps: BuildDeps): ScriptIndex {
  const store = deps.stores.scripts(cacheDir)
  try {
    const rebuild = store.reset !== undefined
    const result = syncScripts(root, store, { rebuild, files: deps.scriptFiles })
    const rows = store.all()
    const macros = rows.filter((r) => r.kind === 'macro' && r.enabled)
    return {
      rows,
      macros,
      diagnostics: [...(store.reset ? [store.reset] : []), ...result.warnings],
    }
  } finally {
    store.close()
  }
}

const same = (a: ScriptRow, b: ScriptRow) =>
  a.hash === b.hash && a.slug === b.slug && a.kind === b.kind && a.enabled === b.enabled

/** Lower-cased slugs of the macros that changed between two syncs, or 'all'. */
export function changedMacros(before: ScriptRow[], after: ScriptRow[]): Set<string> | 'all' {
  const old = new Map(before.map((r) => [r.path, r]))
  const now = new Map(after.map((r) => [r.path, r]))
  const slugs = new Set<string>()
  for (const path of new Set([...old.keys(), ...now.keys()])) {
    const [a, b] = [old.get(path), now.get(path)]
    if (a && b && same(a, b)) continue
    for (const row of [a, b]) {
      if (!row || row.kind === 'transform') continue
      if (row.kind !== 'macro') return 'all'
      slugs.add(row.slug.toLowerCase())
    }
  }
  return slugs
}

export interface ScriptsStep extends ScriptIndex {
  /** Macros whose script changed since the previous build ('all' in a full build). */
  changed: Set<string> | 'all'
  python: PythonStep
}

/**
 * A full build (no `previous`) or a changed scripts/ syncs the index; else it stays. `warm`:
 * start Python for the site's templates at once (not when the build cache may answer them).
 */
export function runScriptsStep(
  config: ResolvedConfig,
  deps: BuildDeps,
  previous?: {
    scripts: ScriptRow[]
    macroScripts: ScriptRow[]
    scriptDiagnostics: BdsError[]
    python: PythonStep
  },
  changed = true,
  warm = true,
): ScriptsStep {
  if (previous && !changed) {
    const { scripts: rows, macroScripts: macros, scriptDiagnostics: diagnostics, python } = previous
    return { rows, macros, diagnostics, python, changed: new Set() }
  }
  const index = syncIndex(config.paths.root, config.paths.cache, deps)
  // New sources, and a fresh check of them before their first call; a session's pool stays warm.
  const python = preparePython(
    config,
    index.macros,
    deps.fs,
    deps.python,
    index.rows,
    recordChecks(config, deps),
  )
  if (!previous && warm) {
    // Its code loads while the content is read: the first token found then starts the pool
    // at once (loading it takes the main thread ~0.4 s, which later delayed the start).
    if (index.macros.length > 0) python.preload()
    void warmForTemplates(config, deps, python, index.macros)
  }
  return {
    ...index,
    changed: previous ? changedMacros(previous.scripts, index.rows) : 'all',
    python,
  }
}

/**
 * Starts the pool at once when the site's own templates may call a macro script: those calls
 * run once the pages are rendered, so its start then overlaps reading the content, as it does
 * for a Markdown token (the bundled theme calls only built-ins).
 */
export async function warmForTemplates(
  config: ResolvedConfig,
  deps: BuildDeps,
  python: PythonStep,
  macros: readonly ScriptRow[],
): Promise<void> {
  if (macros.length === 0) return
  const slugs = new Set(macros.map((m) => m.slug.toLowerCase()))
  const dir = config.paths.templates
  try {
    for (const file of await deps.fs.walk(dir)) {
      if (!file.endsWith('.liquid')) continue
      const scan = scanMacroCalls(await deps.fs.readText(join(dir, file)))
      if (scan.dynamic || [...scan.names].some((n) => slugs.has(n))) return python.warm()
    }
  } catch {
    // No templates folder, or one that cannot be read: the templates step reports it.
  }
}

/** What a build's check of the scripts found goes into the index (`bds macros` shows it). */
function recordChecks(config: ResolvedConfig, deps: BuildDeps): RecordChecks {
  return (checks) => {
    const store = deps.stores.scripts(config.paths.cache)
    try {
      for (const { row, result, status } of checks)
        store.recordCheck(row.id, row.hash, status, result.functions, result.signature)
    } finally {
      store.close()
    }
  }
}
