// `bds build [dir]`: flags → InlineConfig → build(); prints diagnostics and the summary,
// writes the JSON report (to a file, or `-` for stdout); exit code 1 when a file could not be
// written, and for any diagnostic under --strict.

import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Command } from 'commander'
// Through build/index.js, as every folder is entered: the rebuild it also exports loads the
// pipeline only when it runs, so a build with nothing to do loads neither.
import { build } from '../../build/index.js'
import { isBdsError } from '../../errors/index.js'
import { parseThreads, THREADS_FLAG } from '../args.js'
import { buildPython } from '../build-python.js'
import type { CliContext } from '../context.js'
import {
  draftsWarning,
  formatCaptured,
  formatDiagnostic,
  formatSummary,
  isolationNote,
} from '../output.js'

interface BuildFlags {
  out?: string
  drafts?: boolean
  future?: boolean
  strict?: boolean
  clean?: boolean
  forceOutput?: boolean
  cache?: boolean
  json?: string
  quiet?: boolean
  verbose?: boolean
  threads?: string
}

export function registerBuild(cmd: Command, ctx: CliContext): void {
  cmd
    .argument('[dir]', 'site folder', '.')
    .option('-o, --out <dir>', 'output folder (default: "output" from the config, else dist)')
    .option('--drafts', 'include drafts (status: draft) — an output not to deploy')
    .option('--future', "include posts dated after now (held back otherwise, until they're due)")
    .option('--strict', 'exit with code 1 when there is any warning or error (for CI)')
    .option('--clean', 'rewrite every output file, even those already as they should be')
    .option('--no-cache', 'neither use nor update the build cache (.bds/cache.db)')
    .option(
      '--force-output',
      'write into an output folder bds did not make, replacing files it did not write',
    )
    .option(
      '--json <file>',
      'also write the build report as JSON to <file> (- for standard output)',
    )
    .option(...THREADS_FLAG)
    .option('-q, --quiet', 'print only warnings and errors')
    .option('--verbose', 'also print what Python macros wrote to stdout and stderr')
    .addHelpText(
      'after',
      '\nExamples:\n  $ bds build\n  $ bds build my-blog --out public\n  $ bds build --strict --json build-report.json   # in CI\n  $ bds build --json - | jq .outputs              # the report on standard output\n',
    )
    .action(async (dir: string, flags: BuildFlags) => {
      const cwd = ctx.cwd()
      const inline = {
        root: dir,
        out: flags.out,
        drafts: flags.drafts,
        future: flags.future,
        strict: flags.strict,
        clean: flags.clean,
        forceOutput: flags.forceOutput,
        cache: flags.cache,
        threads: parseThreads(flags.threads),
      }
      const progress = ctx.out.progress && !flags.quiet
      const onStep = progress
        ? (name: string) => process.stderr.write(`\r\x1b[Kbds build: ${name}…`)
        : undefined
      const clear = () => progress && process.stderr.write('\r\x1b[K')
      // The build's Python host, so that its first start on this machine is announced.
      const python = buildPython(ctx.out, clear)
      const report = await build(inline, { cwd, onStep, python: python.host })
        .finally(clear)
        .finally(() => python.stop())
        .catch((error: unknown) => {
          if (isBdsError(error)) throw Object.assign(error, { root: resolve(cwd, dir) })
          throw error
        })
      for (const note of report.notes) ctx.out.err(`note: ${note}`)
      const drafts = draftsWarning(ctx.out, report.drafts)
      if (drafts) ctx.out.err(drafts)
      for (const d of report.diagnostics) ctx.out.err(formatDiagnostic(ctx.out, d, report.site))
      if (flags.verbose) for (const text of formatCaptured(report)) ctx.out.err(text)
      const unisolated = await isolationNote(report)
      if (unisolated) ctx.out.err(unisolated)
      const json = JSON.stringify(report, null, 2)
      // With `--json -` standard output holds the report alone; the summary goes to stderr.
      const toStdout = flags.json === '-'
      if (toStdout) ctx.out.out(json)
      else if (flags.json) await writeFile(resolve(cwd, flags.json), `${json}\n`)
      if (!flags.quiet) (toStdout ? ctx.out.err : ctx.out.out)(formatSummary(report))
      const { notWritten } = report.outputs
      if (notWritten > 0) {
        ctx.out.err(
          `bds: ${notWritten} output file(s) could not be written or removed; the output folder is incomplete, failing the build.`,
        )
        ctx.exitCode = 1
      } else if (flags.strict && report.diagnostics.length > 0) {
        ctx.out.err(`bds: --strict: ${report.diagnostics.length} diagnostic(s), failing the build.`)
        ctx.exitCode = 1
      }
    })
}
