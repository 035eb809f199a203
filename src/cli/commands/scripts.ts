// `bds scripts …`: list, show, new, check, enable, disable, rm, run, sync and rebuild the
// site's Python scripts and their index. Every subcommand syncs the index first, so it is never stale.

import type { Command } from 'commander'
import { BdsError } from '../../errors/index.js'
import {
  findScript,
  KINDS,
  newScript,
  removeScript,
  type ScriptKind,
  setEnabled,
  syncScripts,
} from '../../scripts/index.js'
import type { CliContext } from '../context.js'
import { registerScriptsPython } from './scripts-python.js'
import {
  confirm,
  describeRow,
  examples,
  json,
  publicRow,
  table,
  withStore,
} from './scripts-support.js'

export function registerScripts(cmd: Command, ctx: CliContext): void {
  cmd.addHelpText(
    'after',
    examples(
      'bds scripts list',
      'bds scripts new shout --kind macro --title "Shout"',
      'bds scripts check',
      'bds scripts disable shout',
    ),
  )
  cmd
    .command('list')
    .description('list every script')
    .option('--json', 'print a JSON array')
    .addHelpText('after', examples('bds scripts list', "bds scripts list --json | jq '.[].slug'"))
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
    .addHelpText('after', examples('bds scripts show hello', 'bds scripts show hello --json'))
    .action((slug: string, flags: { json?: boolean }) =>
      withStore(
        ctx,
        (store) => {
          const row = findScript(store, slug)
          ctx.out.out(flags.json ? json(publicRow(row)) : describeRow(row))
        },
        { shown: slug },
      ),
    )
  cmd
    .command('new')
    .description('write a new script with a header and a working example')
    .argument('<slug>')
    .option('--kind <kind>', 'macro, utility or transform', 'macro')
    .option('--title <title>', 'title (default: the slug)')
    .addHelpText(
      'after',
      examples(
        'bds scripts new shout --kind macro --title "Shout"',
        'bds scripts new tidy --kind transform',
        'bds scripts new report --kind utility',
      ),
    )
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
      .addHelpText(
        'after',
        examples(`bds scripts ${name} hello`, `bds -C my-blog scripts ${name} tag_domain`),
      )
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
    .addHelpText(
      'after',
      examples(
        'bds scripts rm shout',
        'bds scripts rm shout --yes   # no question, e.g. in a script',
      ),
    )
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
    .addHelpText('after', examples('bds scripts sync', 'bds -C my-blog scripts sync'))
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
  registerScriptsPython(cmd, ctx)
  cmd
    .command('rebuild')
    .description('wipe the index and re-import every script')
    .addHelpText('after', examples('bds scripts rebuild'))
    .action(() =>
      withStore(ctx, (store) => ctx.out.out(`Rebuilt the index: ${store.all().length} scripts.`), {
        rebuild: true,
      }),
    )
}
