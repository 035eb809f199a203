// `bds doctor`: one line each for what isolates Python macros on this host and why (Node and
// its permission flag, Pyodide, the snapshot cache, the sandbox child, the OS layer), or --json;
// `--prepare` first makes the Pyodide snapshot, so that no build has to.

import type { Command } from 'commander'
import { isolationReport } from '../../python/index.js'
import type { CliContext } from '../context.js'
import { preparePython } from '../prepare.js'

export function registerDoctor(cmd: Command, ctx: CliContext): void {
  cmd
    .option('--json', 'print the same as JSON')
    .option(
      '--prepare',
      'make the Python memory snapshot now (once per machine), not in the first build',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  $ bds doctor\n  $ bds doctor --prepare                   # in CI or after installing: Python ready for builds\n  $ BDS_SANDBOX_OS=off bds doctor --json   # as if the host had no namespaces\n',
    )
    .action(async (flags: { json?: boolean; prepare?: boolean }) => {
      if (flags.prepare && !(await preparePython(ctx.out))) ctx.exitCode = 1
      const r = isolationReport()
      if (flags.json) return ctx.out.out(JSON.stringify(r, null, 2))
      const snapshot = r.snapshot.exists
        ? `${r.snapshot.file} (exists)`
        : `${r.snapshot.file} (not made yet; \`bds doctor --prepare\` or the first build with Python macros makes it)`
      const lines = [
        ['node', `${r.node.version} (permission model flag: ${r.node.permissionFlag})`],
        ['pyodide', r.pyodide.version],
        ['snapshot', snapshot],
        [
          'sandbox',
          r.sandboxChild
            ? 'on: macros run in a child process under the Node permission model, with an empty environment'
            : 'off (BDS_SANDBOX=off): macros run inside the bds process',
        ],
        ['os layer', `${r.osLayer.kind}: ${r.osLayer.reason}`],
        ['isolation', r.isolation],
      ]
      for (const [name, text] of lines) ctx.out.out(`${`${name}:`.padEnd(11)}${text}`)
    })
}
