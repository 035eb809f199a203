// The bds command line: commander program, global -C/--site, and the mapping from errors to
// exit codes (0 ok, 1 site errors, 2 usage, 70 internal). Nothing else picks exit codes.

import { resolve } from 'node:path'
import { Command, CommanderError, Help } from 'commander'
import { runStopHooks } from '../util/stop-hooks.js'
import { BDS_VERSION } from '../version.js'
import { COMMANDS } from './commands/index.js'
import type { CliContext } from './context.js'
import { createOut, type Out } from './out.js'

export type { CliContext } from './context.js'

/**
 * The program with every command listed; a command's options, subcommands and action are
 * loaded only when `wanted` names it (main passes the words of the command line).
 */
export async function createProgram(
  ctx: CliContext,
  wanted: (name: string) => boolean = () => true,
): Promise<Command> {
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
  const terms = new Map(COMMANDS.map((c) => [c.name, `${c.name} ${c.args}`.trim()]))
  const fallback = new Help()
  program.configureHelp({
    subcommandTerm: (cmd) => terms.get(cmd.name()) ?? fallback.subcommandTerm(cmd),
  })
  for (const spec of COMMANDS) {
    const cmd = program.command(spec.name).description(spec.summary)
    if (wanted(spec.name)) (await spec.load())(cmd, ctx)
  }
  return program
}

/**
 * A reader that went away (`bds … | head`) ends bds quietly, as it would end `cat`: the
 * first EPIPE on standard output or error exits with the exit code so far, without a trace.
 */
function exitOnBrokenPipe(): void {
  const onError = (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    runStopHooks()
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
  const words = new Set(args)
  program = await createProgram(ctx, (name) => words.has(name))
  try {
    await program.parseAsync(args, { from: 'user' })
    return ctx.exitCode
  } catch (error) {
    return await exitCodeFor(error, out, ctx)
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
    runStopHooks()
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

/** The exit code of a failed command; what formats the error is loaded only now. */
async function exitCodeFor(error: unknown, out: Out, ctx: CliContext): Promise<number> {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? 0 : 2
  }
  const { isBdsError, toDiagnostic } = await import('../errors/index.js')
  const { formatDiagnostic } = await import('./output.js')
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
