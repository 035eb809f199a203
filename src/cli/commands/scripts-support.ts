// Helpers of `bds scripts`: open the index (synced, each script's warnings printed once),
// print a table or one script, ask.

import { createInterface } from 'node:readline/promises'
import { loadConfig, type ResolvedConfig, resolveConfig } from '../../config/index.js'
import { type BdsError, toDiagnostic } from '../../errors/index.js'
import {
  openScriptStore,
  type ScriptRow,
  type ScriptStore,
  type SyncResult,
  syncScripts,
} from '../../scripts/index.js'
import type { CliContext } from '../context.js'
import { inert } from '../inert.js'
import { formatDiagnostic } from '../output.js'

export interface StoreOptions {
  /** Wipe the index and re-import every script. */
  rebuild?: boolean
  /** A script whose warnings the command prints itself (`show`), so they are not repeated. */
  shown?: string
}

export async function withStore<T>(
  ctx: CliContext,
  fn: (
    store: ScriptStore,
    root: string,
    sync: SyncResult,
    config: ResolvedConfig,
  ) => Promise<T> | T,
  options: StoreOptions = {},
): Promise<T> {
  const config = resolveConfig(await loadConfig(ctx.cwd()), {}, ctx.cwd())
  const root = config.paths.root
  const store = openScriptStore(config.paths.cache)
  try {
    const report = (e: BdsError) => ctx.out.err(formatDiagnostic(ctx.out, toDiagnostic(e), root))
    if (store.reset) report(store.reset)
    const rebuild = options.rebuild || store.reset !== undefined
    const result = syncScripts(root, store, { rebuild })
    const own = options.shown ? store.bySlug(options.shown)?.path : undefined
    for (const w of result.warnings) if (!own || w.pos?.file !== own) report(w)
    return await fn(store, root, result, config)
  } finally {
    store.close()
  }
}

/** The "Examples:" block under a command's --help. */
export const examples = (...lines: string[]) =>
  `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`

export const json = (value: unknown) => JSON.stringify(value, null, 2)
/** A row as `bds scripts` shows it: declarations are `bds macros`'s to show. */
export const publicRow = ({
  headerId: _h,
  params: _p,
  doc: _d,
  signature: _s,
  ...row
}: ScriptRow) => row

/** One script as `key  value` lines; each warning on a line of its own, as text. */
export function describeRow(row: ScriptRow): string {
  const { warnings, ...fields } = publicRow(row)
  const lines = Object.entries(fields).map(
    ([k, v]) => `${k.padEnd(13)} ${Array.isArray(v) ? v.join(', ') : String(v ?? '—')}`,
  )
  if (warnings.length === 0) lines.push(`${'warnings'.padEnd(13)} none`)
  for (const [i, w] of warnings.entries())
    lines.push(`${(i === 0 ? 'warnings' : '').padEnd(13)} ${row.path}:${w.line}: ${w.message}`)
  return lines.join('\n')
}

export function table(rows: ScriptRow[]): string {
  const head = ['slug', 'kind', 'enabled', 'entrypoint', 'version', 'title']
  const cells = rows.map((r) => [
    r.slug,
    r.kind,
    r.enabled ? 'yes' : 'no',
    r.entrypoint,
    String(r.version),
    r.title,
  ])
  const widths = head.map((h, i) =>
    Math.max(h.length, ...cells.map((c) => (c[i] as string).length)),
  )
  const line = (c: string[]) =>
    c
      .map((v, i) => v.padEnd(widths[i] as number))
      .join('  ')
      .trimEnd()
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n')
}

export async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr })
  try {
    return /^y(es)?$/i.test((await rl.question(inert(question))).trim())
  } finally {
    rl.close()
  }
}
