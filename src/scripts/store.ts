// The script index: .bds/scripts.db (SQLite), one row per scripts/*.py file. The files are
// the source of truth; this only remembers what they said, so builds and watch mode know at
// once which macros, utilities and transforms exist and whether a file changed.

import { join } from 'node:path'
import { BdsError } from '../errors/index.js'
import { openSqlite } from '../util/sqlite.js'
import type { ScriptKind } from './meta.js'
import type { HeaderParam } from './params.js'

/** The entrypoint's declaration from a check (the shape of python's Signature). */
export interface StoredSignature {
  params: (HeaderParam & {
    defaultText?: string
    required?: boolean
    choices?: (string | number)[]
  })[]
  open: boolean
  doc?: string
  line: number
}

export interface ScriptRow {
  id: string
  slug: string
  title: string
  kind: ScriptKind
  entrypoint: string
  enabled: boolean
  /** False when the header says `cache: false`: its calls always run. */
  cache: boolean
  version: number
  /** Relative to the site root, e.g. `scripts/hello.py`. */
  path: string
  hash: string
  size: number
  mtimeMs: number
  createdAt: string | null
  updatedAt: string | null
  /** Filled by the Python runtime later: `ok`, `error: …`, or null when not checked. */
  syntaxStatus: string | null
  /** Filled by the Python runtime later: top-level function names. */
  functions: string[] | null
  /** The header id, when the file has one (used to recognise renames). */
  headerId: string | null
  /** Header fallbacks and claim conflicts found when the file was last read. */
  warnings: StoredWarning[]
  /** The header's `params:` list (null when it has none). */
  params: HeaderParam[] | null
  /** The docstring's text after the header (null when none). */
  doc: string | null
  /** Filled by the Python runtime: the entrypoint's declaration (null when not checked). */
  signature: StoredSignature | null
}

export interface StoredWarning {
  code: 'BDS_SCRIPT_HEADER' | 'BDS_SCRIPT_CONFLICT'
  line: number
  message: string
}

const MIGRATIONS = [
  `CREATE TABLE scripts (
     id TEXT PRIMARY KEY, slug TEXT NOT NULL UNIQUE COLLATE NOCASE, title TEXT NOT NULL,
     kind TEXT NOT NULL, entrypoint TEXT NOT NULL, enabled INTEGER NOT NULL, version INTEGER NOT NULL,
     path TEXT NOT NULL UNIQUE, hash TEXT NOT NULL, size INTEGER NOT NULL, mtime_ms REAL NOT NULL,
     created_at TEXT, updated_at TEXT, syntax_status TEXT, functions TEXT, header_id TEXT,
     indexed_at TEXT NOT NULL)`,
  'ALTER TABLE scripts ADD COLUMN warnings TEXT',
  // Declared parameters (issue 17). Every file is read and checked again, so rows indexed
  // before get their header's params and doc, and their entrypoint's signature.
  `ALTER TABLE scripts ADD COLUMN params TEXT;
   ALTER TABLE scripts ADD COLUMN doc TEXT;
   ALTER TABLE scripts ADD COLUMN signature TEXT;
   UPDATE scripts SET mtime_ms = -1, syntax_status = NULL, functions = NULL`,
  // Every row is read again at the next sync (its size no longer matches) to learn `cache`.
  `ALTER TABLE scripts ADD COLUMN cache INTEGER NOT NULL DEFAULT 1;
   UPDATE scripts SET size = -1;`,
]

const COLUMNS =
  'id, slug, title, kind, entrypoint, enabled, version, path, hash, size, mtime_ms, created_at, updated_at, syntax_status, functions, header_id, warnings, params, doc, signature, cache'

type Raw = Record<string, unknown>
const toRow = (r: Raw): ScriptRow => ({
  id: r.id as string,
  slug: r.slug as string,
  title: r.title as string,
  kind: r.kind as ScriptKind,
  entrypoint: r.entrypoint as string,
  enabled: r.enabled === 1,
  cache: r.cache !== 0,
  version: r.version as number,
  path: r.path as string,
  hash: r.hash as string,
  size: r.size as number,
  mtimeMs: r.mtime_ms as number,
  createdAt: (r.created_at as string | null) ?? null,
  updatedAt: (r.updated_at as string | null) ?? null,
  syntaxStatus: (r.syntax_status as string | null) ?? null,
  functions: r.functions ? (JSON.parse(r.functions as string) as string[]) : null,
  headerId: (r.header_id as string | null) ?? null,
  warnings: r.warnings ? (JSON.parse(r.warnings as string) as StoredWarning[]) : [],
  params: r.params ? (JSON.parse(r.params as string) as HeaderParam[]) : null,
  doc: (r.doc as string | null) ?? null,
  signature: r.signature ? (JSON.parse(r.signature as string) as StoredSignature) : null,
})

export interface ScriptStore {
  all(): ScriptRow[]
  byId(id: string): ScriptRow | undefined
  /** Case-insensitive. */
  bySlug(slug: string): ScriptRow | undefined
  /** An enabled `kind: macro` script with this slug (case-insensitive). */
  enabledMacro(slug: string): ScriptRow | undefined
  /** Enabled transforms in run order: updatedAt, then slug. */
  transforms(): ScriptRow[]
  /** Stores a syntax check's result, if the file is still the version that was checked. */
  recordCheck(
    id: string,
    hash: string,
    status: string,
    functions: string[],
    signature?: StoredSignature,
  ): void
  /** Applies one sync in a single write transaction. */
  apply(change: { remove: string[]; put: ScriptRow[] }): void
  /** Runs `fn` holding the write lock, so two bds processes never sync at once. */
  atomically<T>(fn: () => T): T
  clear(): void
  close(): void
  readonly reset?: BdsError
}

/** Opens `.bds/scripts.db` under `cacheDir`, or the database at `path` (`:memory:` in tests). */
export function openScriptStore(
  cacheDir: string,
  path = join(cacheDir, 'scripts.db'),
): ScriptStore {
  const opened = openSqlite(path, MIGRATIONS, 'SELECT count(*) FROM scripts')
  const db = opened.db
  const select = (where: string) => db.prepare(`SELECT ${COLUMNS} FROM scripts ${where}`)
  const all = select('ORDER BY slug')
  const byId = select('WHERE id = ?')
  const bySlug = select('WHERE slug = ? COLLATE NOCASE')
  const macro = select("WHERE slug = ? COLLATE NOCASE AND kind = 'macro' AND enabled = 1")
  const transforms = select("WHERE kind = 'transform' AND enabled = 1 ORDER BY updated_at, slug")
  const remove = db.prepare('DELETE FROM scripts WHERE id = ?')
  const check = db.prepare(
    'UPDATE scripts SET syntax_status = ?, functions = ?, signature = ? WHERE id = ? AND hash = ?',
  )
  const put = db.prepare(
    `INSERT OR REPLACE INTO scripts (${COLUMNS}, indexed_at) VALUES (${COLUMNS.split(', ')
      .map(() => '?')
      .join(', ')}, ?)`,
  )
  const one = (stmt: ReturnType<typeof select>, arg: string) => {
    const r = stmt.get(arg) as Raw | undefined
    return r ? toRow(r) : undefined
  }
  const apply = db.transaction((change: { remove: string[]; put: ScriptRow[] }) => {
    for (const id of change.remove) remove.run(id)
    // Remove every changed row first so slug/path swaps between rows never collide.
    for (const row of change.put) remove.run(row.id)
    const now = new Date().toISOString()
    for (const r of change.put) {
      put.run(
        r.id,
        r.slug,
        r.title,
        r.kind,
        r.entrypoint,
        r.enabled ? 1 : 0,
        r.version,
        r.path,
        r.hash,
        r.size,
        r.mtimeMs,
        r.createdAt,
        r.updatedAt,
        r.syntaxStatus,
        r.functions ? JSON.stringify(r.functions) : null,
        r.headerId,
        r.warnings.length ? JSON.stringify(r.warnings) : null,
        r.params ? JSON.stringify(r.params) : null,
        r.doc,
        r.signature ? JSON.stringify(r.signature) : null,
        r.cache ? 1 : 0,
        now,
      )
    }
  })
  return {
    reset:
      opened.reset === undefined
        ? undefined
        : new BdsError(
            'BDS_CACHE_RESET',
            `The script index ${path} could not be used: ${opened.reset}. It is rebuilt from scripts/.`,
            { severity: 'warning' },
          ),
    all: () => (all.all() as Raw[]).map(toRow),
    byId: (id) => one(byId, id),
    bySlug: (slug) => one(bySlug, slug),
    enabledMacro: (slug) => one(macro, slug),
    transforms: () => (transforms.all() as Raw[]).map(toRow),
    recordCheck: (id, hash, status, functions, signature) => {
      const declared = signature ? JSON.stringify(signature) : null
      check.run(status, JSON.stringify(functions), declared, id, hash)
    },
    apply: (change) => apply.immediate(change),
    atomically: (fn) => db.transaction(fn).immediate(),
    clear: () => db.exec('DELETE FROM scripts'),
    close: () => db.close(),
  }
}
