// `bds scripts …`: list, show, new, enable, disable, rm, sync and rebuild the site's Python
// scripts and their index. Every subcommand syncs the index first, so it is never stale.

import { createInterface } from 'node:readline/promises'
import type { Command } from 'commander'
import { loadConfig, resolveConfig } from '../../config/index.js'
import { BdsError, toDiagnostic } from '../../errors/index.js'
import {
  findScript,
  KINDS,
  newScript,
  openScriptStore,
  removeScript,
  type ScriptKind,
  type ScriptRow,
  type ScriptStore,
  type SyncResult,
  setEnabled,
  syncScripts,
} from '../../scripts/index.js'
import type { CliContext } from '../main.js'
import { formatDiagnostic } from '../output.js'

async function withStore<T>(
  ctx: CliContext,
  fn: (store: ScriptStore, root: string, sync: SyncResult) => Promise<T> | T,
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
    return await fn(store, root, result)
  } finally {
    store.close()
  }
}

const json = (value: unknown) => JSON.stringify(value, null, 2)
const publicRow = ({ headerId: _h, ...row }: ScriptRow) => row

function table(rows: ScriptRow[]): string {
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

async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr })
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim())
  } finally {
    rl.close()
  }
}

export function registerScripts(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('scripts')
    .description('manage the Python scripts in scripts/ and their index')
    .addHelpText(
      'after',
      '\nExamples:\n  $ bds scripts list\n  $ bds scripts new shout --kind macro --title "Shout"\n  $ bds scripts disable shout\n',
    )
  cmd
    .command('list')
    .description('list every script')
    .option('--json', 'print a JSON array')
    .action((flags: { json?: boolean }) =>
      withStore(ctx, (store) => {
        const rows = store.all()
        ctx.out.out(
          flags.json
            ? json(rows.map(publicRow))
            : rows.length
              ? table(rows)
              : 'No scripts in scripts/ yet: bds scripts new NAME --kind macro',
        )
      }),
    )
  cmd
    .command('show')
    .description('show one script')
    .argument('<slug>')
    .option('--json', 'print JSON')
    .action((slug: string, flags: { json?: boolean }) =>
      withStore(ctx, (store) => {
        const row = publicRow(findScript(store, slug))
        ctx.out.out(
          flags.json
            ? json(row)
            : Object.entries(row)
                .map(
                  ([k, v]) =>
                    `${k.padEnd(13)} ${Array.isArray(v) ? v.join(', ') : String(v ?? '—')}`,
                )
                .join('\n'),
        )
      }),
    )
  cmd
    .command('new')
    .description('write a new script with a header and a working example')
    .argument('<slug>')
    .option('--kind <kind>', 'macro, utility or transform', 'macro')
    .option('--title <title>', 'title (default: the slug)')
    .action((slug: string, flags: { kind: string; title?: string }) => {
      if (!KINDS.includes(flags.kind as ScriptKind))
        throw new BdsError(
          'BDS_USAGE',
          `--kind must be one of ${KINDS.join(', ')}, not "${flags.kind}".`,
        )
      return withStore(ctx, (store, root) => {
        const path = newScript(root, store, slug, flags.kind as ScriptKind, flags.title, new Date())
        syncScripts(root, store)
        ctx.out.out(`Created ${path}`)
      })
    })
  for (const [name, enabled] of [
    ['enable', true],
    ['disable', false],
  ] as const) {
    cmd
      .command(name)
      .description(`${name} a script (rewrites its header, not its code)`)
      .argument('<slug>')
      .action((slug: string) =>
        withStore(ctx, (store, root) => {
          const row = findScript(store, slug)
          const changed = setEnabled(root, row, enabled, new Date())
          syncScripts(root, store)
          ctx.out.out(
            changed
              ? `${row.slug} is now ${name}d (${row.path})`
              : `${row.slug} was already ${name}d`,
          )
        }),
      )
  }
  cmd
    .command('rm')
    .description('delete a script file')
    .argument('<slug>')
    .option('-y, --yes', 'do not ask')
    .action((slug: string, flags: { yes?: boolean }) =>
      withStore(ctx, async (store, root) => {
        const row = findScript(store, slug)
        if (!flags.yes) {
          if (!process.stdin.isTTY)
            throw new BdsError(
              'BDS_USAGE',
              `Refusing to delete ${row.path} without --yes when not on a terminal.`,
            )
          if (!(await confirm(`Delete ${row.path}? [y/N] `)))
            return ctx.out.out('Nothing was deleted.')
        }
        removeScript(root, row)
        syncScripts(root, store)
        ctx.out.out(`Deleted ${row.path}`)
      }),
    )
  cmd
    .command('sync')
    .description('update the index from scripts/ (builds do this too)')
    .action(() =>
      withStore(ctx, (store, _root, r) => {
        const counts = `${r.added.length} added, ${r.modified.length} modified, ${r.deleted.length} deleted, ${r.renamed.length} renamed, ${r.unchanged} unchanged`
        ctx.out.out(`Indexed ${store.all().length} scripts: ${counts}.`)
        const lines = [
          ...r.added.map((p) => `+ ${p}`),
          ...r.modified.map((p) => `~ ${p}`),
          ...r.deleted.map((p) => `- ${p}`),
          ...r.renamed.map((x) => `> ${x.from} → ${x.to}`),
        ]
        for (const line of lines) ctx.out.out(`  ${line}`)
      }),
    )
  cmd
    .command('rebuild')
    .description('wipe the index and re-import every script')
    .action(() =>
      withStore(
        ctx,
        (store) => ctx.out.out(`Rebuilt the index: ${store.all().length} scripts.`),
        true,
      ),
    )
}
