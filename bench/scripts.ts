// Script index benchmark: sync of 1000 unchanged scripts (open the index, stat every file,
// compare, close), as every build does before it starts.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openScriptStore, syncScripts, writeHeader } from '../src/scripts/index.js'

export interface ScriptsResult {
  scripts: number
  /** Median ms of a first import of every script. */
  firstSyncMs: number
  /** Median ms of open + sync + close with nothing changed. */
  unchangedSyncMs: number
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0

export function benchScripts(count = 1000, runs = 9): ScriptsResult {
  const root = mkdtempSync(join(tmpdir(), 'bds-bench-scripts-'))
  try {
    mkdirSync(join(root, 'scripts'))
    for (let i = 0; i < count; i++) {
      const slug = `script_${i}`
      const header = writeHeader({
        id: `id-${i}`,
        slug,
        title: slug,
        kind: 'macro',
        entrypoint: 'render',
        enabled: true,
        version: 1,
      })
      writeFileSync(
        join(root, 'scripts', `${slug}.py`),
        `${header}def render(context, post):\n    return "${i}"\n`,
      )
    }
    const sync = (rebuild: boolean) => {
      const t0 = performance.now()
      const store = openScriptStore(join(root, '.bds'))
      syncScripts(root, store, { rebuild })
      store.close()
      return performance.now() - t0
    }
    const first = Array.from({ length: 3 }, () => sync(true))
    const unchanged = Array.from({ length: runs }, () => sync(false))
    return { scripts: count, firstSyncMs: median(first), unchangedSyncMs: median(unchanged) }
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}

export function scriptsTable(r: ScriptsResult): string {
  return [
    `script index: ${r.scripts} scripts (median of runs)`,
    `  import every script    ${r.firstSyncMs.toFixed(1).padStart(8)} ms`,
    `  sync, nothing changed  ${r.unchangedSyncMs.toFixed(1).padStart(8)} ms`,
  ].join('\n')
}
