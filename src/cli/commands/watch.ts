// `bds watch [dir]` (alias `serve`): flags → watch(); prints the URL, then one line per
// rebuild (what changed, what it wrote, how long it took) and its errors with their code
// frames. Ctrl-C stops the watcher, the server and the event streams, then bds exits.

import { resolve } from 'node:path'
import type { Command } from 'commander'
import { BdsError } from '../../errors/index.js'
import { type WatchEvent, watch } from '../../watch/index.js'
import type { CliContext } from '../context.js'
import { openUrl } from '../open-url.js'
import { formatDiagnostic, formatSummary } from '../output.js'
import { formatRebuild } from './watch-output.js'

interface WatchFlags {
  port: string
  debounce: string
  host: string
  open?: boolean
  out?: string
  drafts?: boolean
  forceOutput?: boolean
  quiet?: boolean
}

function parseNumber(flag: string, text: string, max: number): number {
  const n = Number(text)
  if (Number.isInteger(n) && n >= 0 && n <= max) return n
  throw new BdsError('BDS_USAGE', `${flag} must be a whole number from 0 to ${max}, not "${text}".`)
}

export function registerWatch(program: Command, ctx: CliContext): void {
  program
    .command('watch')
    .alias('serve')
    .description('build, serve on http://127.0.0.1:4000 and rebuild on every save (live reload)')
    .argument('[dir]', 'site folder', '.')
    .option('-p, --port <port>', 'port to serve on; the next free one when it is taken', '4000')
    .option(
      '--host <address>',
      'address to listen on; 0.0.0.0 shows the site to your network',
      '127.0.0.1',
    )
    .option('--open', 'open the site in the default browser')
    .option('--debounce <ms>', 'quiet time that ends a burst of changes', '25')
    .option('-o, --out <dir>', 'output folder (default: "output" from the config, else dist)')
    .option('--drafts', 'include posts with status: draft or draft: true')
    .option(
      '--force-output',
      'write into an output folder bds did not make, replacing files it did not write',
    )
    .option('-q, --quiet', 'print only errors and warnings')
    .addHelpText(
      'after',
      '\nExamples:\n  $ bds watch\n  $ bds serve my-blog --port 8080 --open\n  $ bds watch --drafts --host 0.0.0.0   # preview drafts on a phone\n',
    )
    .action(async (dir: string, flags: WatchFlags) => {
      const port = parseNumber('--port', flags.port, 65535)
      const debounceMs = parseNumber('--debounce', flags.debounce, 10_000)
      const cwd = ctx.cwd()
      const root = resolve(cwd, dir)
      const { out } = ctx
      const onEvent = (event: WatchEvent) => {
        if (event.type === 'failed') {
          out.err(formatDiagnostic(out, { ...event.diagnostic, severity: 'error' }, root))
          if (event.diagnostic.code === 'BDS_INTERNAL' && event.error.cause instanceof Error)
            out.err(String(event.error.cause.stack))
          out.err(
            event.initial
              ? 'bds: waiting for a fix…'
              : 'bds: the last good output is still served.',
          )
          return
        }
        const { report } = event
        const errors = report.diagnostics.filter((d) => d.severity === 'error')
        const shown = event.initial ? report.diagnostics : errors
        for (const d of shown.slice(0, event.initial ? undefined : 5))
          out.err(formatDiagnostic(out, d, report.site))
        if (event.initial) {
          if (!flags.quiet) out.out(formatSummary(report))
        } else if (!flags.quiet || errors.length > 0) {
          out.out(formatRebuild(event, new Date()))
        }
      }
      const inline = {
        root: dir,
        out: flags.out,
        drafts: flags.drafts,
        forceOutput: flags.forceOutput,
      }
      const options = { port, host: flags.host, debounceMs, deps: { cwd }, onEvent }
      const watching = await watch(inline, options)
      out.out(`bds: serving ${root} at ${watching.url} — Ctrl-C to stop`)
      if (flags.host !== '127.0.0.1' && flags.host !== 'localhost' && flags.host !== '::1')
        out.err(`bds: --host ${flags.host}: anyone who can reach this machine can read the site.`)
      if (flags.open) openUrl(watching.url, (message) => out.err(`bds: --open: ${message}`))
      await new Promise<void>((stopped) => {
        ctx.interrupt = async () => {
          await watching.close()
          out.err('bds: stopped watching.')
          stopped()
        }
      })
    })
}
