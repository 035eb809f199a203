// `bds macros list [--json]` and `bds macros show NAME [--json]`: every macro the site can
// call — the built-ins and the site's Python macro scripts — with their parameters. Scripts
// whose declaration is not in the index yet are checked first (Python's `ast`, in the
// sandbox; nothing runs). The JSON is docs/schemas/macros-list.schema.json (docs/python.md).

import type { Command } from 'commander'
import type { ResolvedConfig } from '../../config/index.js'
import { BdsError, toDiagnostic } from '../../errors/index.js'
import {
  hostFor,
  MACROS_FORMAT,
  type MacroInfo,
  macroCatalogue,
} from '../../macros/python/index.js'
import { checkScripts, readScript } from '../../python/index.js'
import { type ScriptStore, suggest } from '../../scripts/index.js'
import type { CliContext } from '../context.js'
import { formatDiagnostic } from '../output.js'
import { describeMacro, macrosTable } from './macros-output.js'
import { examples, json, withStore } from './scripts-support.js'

/** The macro scripts not checked since they last changed are checked, and the index updated. */
async function checkedRows(
  ctx: CliContext,
  store: ScriptStore,
  root: string,
  config: ResolvedConfig,
) {
  const unchecked = store.all().filter((r) => r.kind === 'macro' && r.syntaxStatus === null)
  if (unchecked.length === 0) return store.all()
  const host = hostFor(config)
  try {
    const checks = await checkScripts(
      host,
      unchecked.map((r) => readScript(root, r)),
    )
    checks.forEach(({ result, problem }, i) => {
      const row = unchecked[i] as (typeof unchecked)[number]
      const status = problem ? `error: ${problem.message}` : 'ok'
      store.recordCheck(row.id, row.hash, status, result.functions, result.signature)
    })
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error)
    const message = `The parameters the Python macros declare in their signatures could not be read: the Python runtime did not start (${why}).`
    const warning = new BdsError('BDS_PYTHON_START', message, { severity: 'warning' })
    ctx.out.err(formatDiagnostic(ctx.out, toDiagnostic(warning), root))
  } finally {
    await host.stop()
  }
  return store.all()
}

function find(list: readonly MacroInfo[], name: string): MacroInfo {
  const wanted = name.toLowerCase()
  const found = list.find((m) => m.name === wanted || m.aliases.includes(wanted))
  if (found) return found
  const near = suggest(
    wanted,
    list.flatMap((m) => [m.name, ...m.aliases]),
  )
  const mean = near ? ` (did you mean "${near}"?)` : ''
  throw new BdsError('BDS_MACRO_UNKNOWN', `There is no macro "${name}"${mean}.`, {
    hint: '`bds macros list` shows every macro of this site.',
  })
}

export function registerMacros(cmd: Command, ctx: CliContext): void {
  cmd.addHelpText('after', examples('bds macros list', 'bds macros show gallery'))
  const catalogue = (fn: (list: MacroInfo[]) => void) => () =>
    withStore(ctx, async (store, root, _sync, config) => {
      fn(macroCatalogue(await checkedRows(ctx, store, root, config)))
    })
  cmd
    .command('list')
    .description('list every macro with its parameters, types and defaults')
    .option('--json', `print JSON (format ${MACROS_FORMAT}, docs/schemas/macros-list.schema.json)`)
    .addHelpText(
      'after',
      examples('bds macros list', "bds macros list --json | jq '.macros[].name'"),
    )
    .action((flags: { json?: boolean }) =>
      catalogue((list) => {
        ctx.out.out(flags.json ? json({ format: MACROS_FORMAT, macros: list }) : macrosTable(list))
      })(),
    )
  cmd
    .command('show')
    .description('show one macro: what it does, its parameters and an example call')
    .argument('<name>')
    .option('--json', 'print JSON (one entry of `bds macros list --json`)')
    .addHelpText('after', examples('bds macros show gallery', 'bds macros show badge --json'))
    .action((name: string, flags: { json?: boolean }) =>
      catalogue((list) => {
        const macro = find(list, name)
        ctx.out.out(flags.json ? json(macro) : describeMacro(macro))
      })(),
    )
}
