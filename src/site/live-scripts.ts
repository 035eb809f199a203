// Script changes in watch mode: sync the index as every build does, and tell which macros
// changed — the slugs of macro scripts that were added, removed or edited — or 'all' when a
// utility script changed (macros may import it).

import { openScriptStore, type ScriptRow } from '../scripts/index.js'
import { type LiveSite, macroRunners } from './live.js'
import { preparePython } from './python-step.js'
import { syncIndex } from './scripts-step.js'

const snapshot = (cacheDir: string): Map<string, ScriptRow> => {
  const store = openScriptStore(cacheDir)
  try {
    return new Map(store.all().map((r) => [r.path, r]))
  } finally {
    store.close()
  }
}

const same = (a: ScriptRow, b: ScriptRow) =>
  a.hash === b.hash && a.slug === b.slug && a.kind === b.kind && a.enabled === b.enabled

export function resyncScripts(live: LiveSite): Set<string> | 'all' {
  const { cache, root } = live.config.paths
  const before = snapshot(cache)
  const index = syncIndex(root, cache)
  const after = snapshot(cache)
  live.macroScripts = index.macros
  // New sources, and a fresh check of them before their first call; the pool stays warm.
  live.python = preparePython(live.config, index.macros, live.deps.python)
  live.runners = macroRunners(live)
  // Config warnings stay; the index's warnings are replaced.
  live.setup = [...live.setup.filter((d) => d.code === 'BDS_CONFIG_NO_URL'), ...index.diagnostics]
  const slugs = new Set<string>()
  for (const path of new Set([...before.keys(), ...after.keys()])) {
    const [a, b] = [before.get(path), after.get(path)]
    if (a && b && same(a, b)) continue
    for (const row of [a, b]) {
      if (!row || row.kind === 'transform') continue
      if (row.kind !== 'macro') return 'all'
      slugs.add(row.slug.toLowerCase())
    }
  }
  return slugs
}
