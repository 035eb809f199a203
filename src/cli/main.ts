// The bds command line: commander program, global -C/--site, and the mapping from errors to
// exit codes (0 ok, 1 site errors, 2 usage, 70 internal). Nothing else picks exit codes.

import { resolve } from 'node:path'
import { Command, CommanderError } from 'commander'
import { stopRenderWorkers } from '../build/index.js'
import { isBdsError, toDiagnostic } from '../errors/index.js'
import { BDS_VERSION } from '../version.js'
import { registerBuild } from './commands/build.js'
import { registerDoctor } from './commands/doctor.js'
import { registerIngest } from './commands/ingest.js'
import { registerInit } from './commands/init.js'
import { registerMacros } from './commands/macros.js'
import { registerNew } from './commands/new.js'
import { registerScripts } from './commands/scripts.js'
import { registerServe } from './commands/serve.js'
import { registerWatch } from './commands/watch.js'
import type { CliContext } from './context.js'
import { createOut, formatDiagnostic, type Out } from './output.js'

export type { CliContext } from './context.js'

export function createProgram(ctx: CliContext): Command {
  const program = new Command('bds')
    .description('Build a static blog from Markdown, Liquid templates and Python macros.')
    .version(BDS_VERSION, '-v, --version')
    .option('-C, --site <dir>', 'run as if bds was started in <dir>')
    .showSuggestionAfterError()
    .exitOverride()
    // Through ctx.out, so a command run in-process (tests) prints where its caller reads.
    .configureOutput({
      writeOut: (text) => ctx.out.out(text.replace(/\n$/, '')),
      writeErr: (text) => ctx.out.err(text.replace(/\n$/, '')),
    })
    .addHelpText(
      'after',
      '\nExamples:\n  $ bds init my-blog\n  $ bds build my-blog\n  $ bds watch my-blog --open\n  $ bds -C my-blog new post "Hello, world"\n  $ pbpaste | bds -C my-blog ingest -\n',
    )
  registerBuild(program, ctx)
  registerDoctor(program, ctx)
  registerInit(program, ctx)
  registerIngest(program, ctx)
  registerMacros(program, ctx)
  registerNew(program, ctx)
  registerScripts(program, ctx)
  registerServe(program, ctx)
  registerWatch(program, ctx)
  return program
}

/**
 * A reader that went away (`bds … | head`) ends bds quietly, as it would end `cat`: the
 * first EPIPE on standard output or error exits with the exit code so far, without a trace.
 */
function exitOnBrokenPipe(): void {
  const onError = (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    stopRenderWorkers()
    process.exit(process.exitCode ?? 0)
  }
  process.stdout.on('error', onError)
  process.stderr.on('error', onError)
}

/**
 * Runs one command line (`args` without node and the script) and returns its exit code; `-C`
 * is relative to `base`. `onContext` gets the context before the command runs.
 */
export async function runCli(
  args: string[],
  out: Out,
  base: string,
  onContext?: (ctx: CliContext) => void,
): Promise<number> {
  let program: Command | undefined
  const ctx: CliContext = {
    out,
    exitCode: 0,
    cwd: () => resolve(base, (program?.opts().site as string | undefined) ?? '.'),
  }
  onContext?.(ctx)
  program = createProgram(ctx)
  try {
    await program.parseAsync(args, { from: 'user' })
    return ctx.exitCode
  } catch (error) {
    return exitCodeFor(error, out, ctx)
  }
}

export async function main(argv: string[]): Promise<void> {
  exitOnBrokenPipe()
  const out = createOut()
  let ctx: CliContext | undefined
  const stop = (signal: NodeJS.Signals) => {
    if (ctx?.interrupt) {
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
  process.exitCode = await runCli(argv.slice(2), out, process.cwd(), (c) => {
    ctx = c
  })
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
    for (const e of [error, ...(error.related ?? [])])
      out.err(formatDiagnostic(out, toDiagnostic(e), root))
    return error.code === 'BDS_USAGE' ? 2 : error.code === 'BDS_INTERNAL' ? 70 : 1
  }
  out.err(`bds: internal error: ${(error as Error)?.stack ?? String(error)}`)
  out.err('This is a bug in bds; please report it with the output above.')
  return 70
}
