// The bds command line: commander program, global -C/--site, and the mapping from errors to
// exit codes (0 ok, 1 site errors, 2 usage, 70 internal). Nothing else picks exit codes.

import { resolve } from 'node:path'
import { Command, CommanderError } from 'commander'
import { isBdsError, toDiagnostic } from '../errors/index.js'
import { stopRenderWorkers } from '../site/index.js'
import { BDS_VERSION } from '../version.js'
import { registerBuild } from './commands/build.js'
import { registerDoctor } from './commands/doctor.js'
import { registerIngest } from './commands/ingest.js'
import { registerInit } from './commands/init.js'
import { registerNew } from './commands/new.js'
import { registerScripts } from './commands/scripts.js'
import { registerWatch } from './commands/watch.js'
import { createOut, formatDiagnostic, type Out } from './output.js'

export interface CliContext {
  out: Out
  /** The folder commands work in: the current folder, or -C DIR. */
  cwd(): string
  exitCode: number
  /** Set by a long-running command (watch): how to stop it cleanly on Ctrl-C or SIGTERM. */
  interrupt?: () => Promise<void>
}

export function createProgram(ctx: CliContext): Command {
  const program = new Command('bds')
    .description('Build a static blog from Markdown, Liquid templates and Python macros.')
    .version(BDS_VERSION, '-v, --version')
    .option('-C, --site <dir>', 'run as if bds was started in <dir>')
    .showSuggestionAfterError()
    .exitOverride()
    .addHelpText(
      'after',
      '\nExamples:\n  $ bds init my-blog\n  $ bds build my-blog\n  $ bds watch my-blog --open\n  $ bds -C my-blog new post "Hello, world"\n  $ pbpaste | bds -C my-blog ingest -\n',
    )
  registerBuild(program, ctx)
  registerDoctor(program, ctx)
  registerInit(program, ctx)
  registerIngest(program, ctx)
  registerNew(program, ctx)
  registerScripts(program, ctx)
  registerWatch(program, ctx)
  return program
}

export async function main(argv: string[]): Promise<void> {
  const out = createOut()
  let program: Command | undefined
  const ctx: CliContext = {
    out,
    exitCode: 0,
    cwd: () => resolve(process.cwd(), (program?.opts().site as string | undefined) ?? '.'),
  }
  const stop = (signal: NodeJS.Signals) => {
    if (ctx.interrupt) {
      // bds exits once nothing runs; should something still hold it, it says so and exits.
      // A second signal ends it at once (this handler is gone after the first).
      void ctx.interrupt().then(() => {
        const stuck = setTimeout(() => {
          out.err('bds: something was still running after the stop; exiting anyway.')
          process.exit(process.exitCode ?? 0)
        }, 3000)
        stuck.unref()
      })
      return
    }
    stopRenderWorkers()
    out.err(`bds: stopped by ${signal}; no half-written file was left behind.`)
    process.exit(signal === 'SIGINT' ? 130 : 143)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  program = createProgram(ctx)
  try {
    await program.parseAsync(argv)
    process.exitCode = ctx.exitCode
  } catch (error) {
    process.exitCode = exitCodeFor(error, out, ctx)
  }
  await signalsDelivered()
}

/**
 * One pass through the event loop's poll phase, where Node delivers signals: a Ctrl-C or
 * SIGTERM that came while the command ran without yielding (a long template render) still
 * ends bds with 130 or 143, never with the exit code of a build that was asked to stop.
 */
const signalsDelivered = () => new Promise<void>((done) => setTimeout(() => setImmediate(done), 0))

function exitCodeFor(error: unknown, out: Out, ctx: CliContext): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? 0 : 2
  }
  if (isBdsError(error)) {
    const root = (error as { root?: string }).root ?? ctx.cwd()
    out.err(formatDiagnostic(out, toDiagnostic(error), root))
    return error.code === 'BDS_USAGE' ? 2 : error.code === 'BDS_INTERNAL' ? 70 : 1
  }
  out.err(`bds: internal error: ${(error as Error)?.stack ?? String(error)}`)
  out.err('This is a bug in bds; please report it with the output above.')
  return 70
}
