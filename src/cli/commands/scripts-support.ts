// Helpers of `bds scripts`: open the index (synced, warnings printed), print a table, ask.

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
import { inert } from '../inert.js'
import type { CliContext } from '../main.js'
import { formatDiagnostic } from '../output.js'

export async function withStore<T>(
  ctx: CliContext,
  fn: (
    store: ScriptStore,
    root: string,
    sync: SyncResult,
    config: ResolvedConfig,
  ) => Promise<T> | T,
  rebuild = false,
): Promise<T> {
  const config = resolveConfig(await loadConfig(ctx.cwd()), {}, ctx.cwd())
  const root = config.paths.root
  const store = openScriptStore(config.paths.cache)
  try {
    const report = (e: BdsError) => ctx.out.err(formatDiagnostic(ctx.out, toDiagnostic(e), root))
    if (store.reset) report(store.reset)
    const result = syncScripts(root, store, { rebuild: rebuild || store.reset !== undefined })
    result.warnings.forEach(report)
    return await fn(store, root, result, config)
  } finally {
    store.close()
  }
}

export const json = (value: unknown) => JSON.stringify(value, null, 2)
export const publicRow = ({ headerId: _h, ...row }: ScriptRow) => row

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
