// syncScripts: reconciles scripts/*.py with the index — added, modified, deleted and renamed
// files, also changes made while bds was not running. Unchanged files are recognised by size
// and mtime without being read; a rename (same header id, else same content) keeps the row
// and its id. A second script claiming a slug or id gets a new one with a warning.

import { BdsError } from '../errors/index.js'
import { skippedLinkWarning } from '../util/fs.js'
import { diskScriptFiles, readRow, type ScriptFiles } from './files.js'
import type { ScriptRow, ScriptStore, StoredWarning } from './store.js'

export interface SyncResult {
  added: string[]
  modified: string[]
  deleted: string[]
  renamed: { from: string; to: string }[]
  unchanged: number
  /** Problems found in the files read this time. */
  diagnostics: BdsError[]
  /** Every problem still present in scripts/, read this time or before. */
  warnings: BdsError[]
}

export function syncScripts(
  root: string,
  store: ScriptStore,
  options: { rebuild?: boolean; files?: ScriptFiles } = {},
): SyncResult {
  const reader = options.files ?? diskScriptFiles
  return store.atomically(() => {
    if (options.rebuild) store.clear()
    const result: SyncResult = {
      added: [],
      modified: [],
      deleted: [],
      renamed: [],
      unchanged: 0,
      diagnostics: [],
      warnings: [],
    }
    const rows = store.all()
    const byPath = new Map(rows.map((r) => [r.path, r]))
    const skipped: BdsError[] = []
    const files = reader.list(root, (skip) => skipped.push(skippedLinkWarning(root, skip)))
    result.diagnostics.push(...skipped)
    const present = new Set(files.map((f) => f.path))
    const gone = rows.filter((r) => !present.has(r.path))
    const owners: ScriptRow[] = []
    const others: ScriptRow[] = []
    const fresh: ScriptRow[] = []
    // A re-read row that owned its slug before keeps it ahead of every other claimant.
    const claim = (row: ScriptRow, old: ScriptRow) =>
      (old.slug === row.slug ? owners : others).push({
        ...row,
        id: row.headerId && row.headerId !== old.headerId ? row.headerId : old.id,
      })
    for (const seen of files) {
      const old = byPath.get(seen.path)
      if (old && old.size === seen.size && old.mtimeMs === seen.mtimeMs) {
        result.unchanged += 1
        continue
      }
      const row = readRow(reader, root, seen, result.diagnostics)
      if (!row) continue
      if (!old) {
        fresh.push(row)
        continue
      }
      const same = old.hash === row.hash
      if (same) result.unchanged += 1
      else result.modified.push(row.path)
      claim(
        {
          ...row,
          syntaxStatus: same ? old.syntaxStatus : null,
          functions: same ? old.functions : null,
          signature: same ? old.signature : null,
        },
        old,
      )
    }
    for (const row of fresh) {
      const from = gone.find(
        (g) => (row.headerId && g.headerId === row.headerId) || g.hash === row.hash,
      )
      if (from) {
        gone.splice(gone.indexOf(from), 1)
        result.renamed.push({ from: from.path, to: row.path })
        claim(row, from)
      } else {
        result.added.push(row.path)
        others.push(row)
      }
    }
    result.deleted = gone.map((g) => g.path)
    const put = [...owners, ...others]
    const changed = new Set(put.map((p) => p.path))
    const keep = rows.filter((r) => present.has(r.path) && !changed.has(r.path))
    const resolved = resolveClaims(keep, put)
    store.apply({ remove: gone.map((g) => g.id), put: resolved })
    for (const row of resolved)
      result.diagnostics.push(...row.warnings.map((w) => warningOf(row.path, w)))
    // Every problem still present, also in files not read this time: a --strict build fails
    // for as long as a header stays invalid.
    const read = result.diagnostics.filter((d) => d.code === 'BDS_SCRIPT_READ')
    result.warnings = [
      ...skipped,
      ...read,
      ...store.all().flatMap((r) => r.warnings.map((w) => warningOf(r.path, w))),
    ]
    return result
  })
}

function warningOf(path: string, w: StoredWarning): BdsError {
  return new BdsError(w.code, w.message, {
    pos: { file: path, line: w.line, column: 1 },
    severity: 'warning',
  })
}

/** A row keeps its slug and id unless an earlier row holds it (`keep` first, then `put` in order). */
function resolveClaims(keep: ScriptRow[], put: ScriptRow[]): ScriptRow[] {
  const slugs = new Set(keep.map((r) => r.slug.toLowerCase()))
  const ids = new Set(keep.map((r) => r.id))
  return put.map((row) => {
    let { slug, id } = row
    const warnings = [...row.warnings]
    if (ids.has(id)) {
      id = `${id}-${row.hash.slice(0, 8)}`
      warnings.push({
        code: 'BDS_SCRIPT_CONFLICT',
        line: 1,
        message: `${row.path} has the id of another script; it was given the id ${id}.`,
      })
    }
    if (slugs.has(slug.toLowerCase())) {
      let n = 2
      while (slugs.has(`${row.slug}_${n}`.toLowerCase())) n++
      slug = `${row.slug}_${n}`
      warnings.push({
        code: 'BDS_SCRIPT_CONFLICT',
        line: 1,
        message: `${row.path} claims the slug "${row.slug}" of another script; it was given "${slug}".`,
      })
    }
    slugs.add(slug.toLowerCase())
    ids.add(id)
    return { ...row, slug, id, warnings }
  })
}
