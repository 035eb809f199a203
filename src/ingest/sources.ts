// The transforms to run: the index (synced first) gives the enabled `kind: transform` rows
// in order — updatedAt, then slug — and each gets its file's text as the runtime needs it.
// A file that vanished or cannot be read since the sync is left out with a warning.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { BdsError } from '../errors/index.js'
import type { ScriptSource } from '../python/index.js'
import { openScriptStore, type ScriptRow, syncScripts } from '../scripts/index.js'

const instant = (row: ScriptRow) => {
  const ms = row.updatedAt ? Date.parse(row.updatedAt) : Number.NaN
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms
}

/**
 * Run order: updatedAt as an instant (so `…00Z`, `…00.000Z` and `+02:00` compare as times,
 * not as text), then slug; scripts without a date first.
 */
export function runOrder(rows: readonly ScriptRow[]): ScriptRow[] {
  return [...rows].sort(
    (a, b) => instant(a) - instant(b) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0),
  )
}

/**
 * Syncs the index of the site at `root` and returns its enabled transforms, in run order,
 * and every indexed script (the utilities among them are modules the transforms may import).
 */
export function enabledTransforms(
  root: string,
  cacheDir: string,
): { sources: ScriptSource[]; diagnostics: BdsError[]; rows: ScriptRow[] } {
  const store = openScriptStore(cacheDir)
  try {
    const sync = syncScripts(root, store, { rebuild: store.reset !== undefined })
    const rows = runOrder(store.transforms())
    const paths = new Set(rows.map((r) => r.path))
    // Header problems of the transforms themselves, and files that could not be read at all.
    const warnings = sync.warnings.filter(
      (w) => w.code === 'BDS_SCRIPT_READ' || paths.has(w.pos?.file ?? ''),
    )
    const read = transformSources(rows, (path) => readFileSync(join(root, path), 'utf8'))
    const reset = store.reset ? [store.reset] : []
    const diagnostics = [...reset, ...warnings, ...read.diagnostics]
    return { sources: read.sources, diagnostics, rows: store.all() }
  } finally {
    store.close()
  }
}

export function transformSources(
  rows: readonly ScriptRow[],
  read: (path: string) => string,
): { sources: ScriptSource[]; diagnostics: BdsError[] } {
  const sources: ScriptSource[] = []
  const diagnostics: BdsError[] = []
  for (const row of rows) {
    try {
      sources.push({
        id: row.id,
        slug: row.slug,
        file: row.path,
        source: read(row.path),
        hash: row.hash,
        entrypoint: row.entrypoint,
      })
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error)
      diagnostics.push(
        new BdsError(
          'BDS_INGEST_TRANSFORM',
          `The transform "${row.slug}" cannot be read (${why}); it was skipped.`,
          { pos: { file: row.path, line: 1, column: 1 }, severity: 'warning' },
        ),
      )
    }
  }
  return { sources, diagnostics }
}
