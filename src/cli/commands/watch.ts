// `bds watch [dir]`: flags → watch(); prints where it serves the output folder, then one line
// per rebuild (what changed, what it wrote, how long it took), its errors with their code
// frames and each new warning. Ctrl-C stops the watcher, the server and the event streams.

import { networkInterfaces } from 'node:os'
import { resolve } from 'node:path'
import type { Command } from 'commander'
import type { ResolvedConfig } from '../../config/index.js'
import { type Diagnostic, toDiagnostic } from '../../errors/index.js'
import { sessionHosts } from '../../macros/python/index.js'
import { type WatchEvent, watch } from '../../watch/index.js'
import { parseNumber, parseThreads, shownFolder, THREADS_FLAG } from '../args.js'
import type { CliContext } from '../context.js'
import { openUrl } from '../open-url.js'
import { formatDiagnostic, formatSummary } from '../output.js'
import { announcing } from '../prepare.js'
import { createDiagnosticFilter, formatRebuild, servingLines } from './watch-output.js'

interface WatchFlags {
  port?: string
  debounce: string
  host: string
  open?: boolean
  out?: string
  drafts?: boolean
  future?: boolean
  forceOutput?: boolean
  quiet?: boolean
  threads?: string
}

const EXAMPLES = `
Examples:
  $ bds watch
  $ bds watch my-blog --port 8080 --open
  $ bds watch --drafts --host 0.0.0.0   # preview drafts on a phone
`

export function registerWatch(cmd: Command, ctx: CliContext): void {
  cmd
    .argument('[dir]', 'site folder', '.')
    .option('-p, --port <port>', 'port to serve on (default 4000, or the next free one)')
    .option(
      '--host <address>',
      'address to listen on; 0.0.0.0 shows the site to your network',
      '127.0.0.1',
    )
    .option('--open', 'open the site in the default browser')
    .option('--debounce <ms>', 'quiet time that ends a burst of changes', '25')
    .option('-o, --out <dir>', 'output folder (default: "output" from the config, else dist)')
    .option('--drafts', 'include drafts, built into .bds/preview/ (never the output folder)')
    .option('--future', 'include posts dated after now')
    .option(
      '--force-output',
      'write into an output folder bds did not make, replacing files it did not write',
    )
    .option(...THREADS_FLAG)
    .option('-q, --quiet', 'print only errors and warnings')
    .addHelpText('after', EXAMPLES)
    .action(async (dir: string, flags: WatchFlags) => {
      const port = flags.port === undefined ? 4000 : parseNumber('--port', flags.port, 65535)
      const debounceMs = parseNumber('--debounce', flags.debounce, 10_000)
      const cwd = ctx.cwd()
      const root = resolve(cwd, dir)
      const { out } = ctx
      const print = (d: Diagnostic, site = root) => out.err(formatDiagnostic(out, d, site))
      const fresh = createDiagnosticFilter()
      let outDir = resolve(cwd, flags.out ?? resolve(root, 'dist'))
      const onEvent = (event: WatchEvent) => {
        if (event.type === 'failed') {
          for (const e of [event.error, ...(event.error.related ?? [])])
            print({ ...toDiagnostic(e), severity: 'error' })
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
        outDir = report.outDir
        for (const d of fresh(report.diagnostics)) print(d, report.site)
        if (event.initial) {
          if (!flags.quiet) out.out(formatSummary(report))
        } else if (!flags.quiet || report.errors > 0) {
          out.out(formatRebuild(event, new Date()))
        }
      }
      const inline = {
        root: dir,
        out: flags.out,
        drafts: flags.drafts,
        future: flags.future,
        forceOutput: flags.forceOutput,
        threads: parseThreads(flags.threads),
      }
      const strictPort = flags.port !== undefined
      // The session's Python host is ours, so that its first start on this machine is announced.
      const hosts = sessionHosts()
      const python = (config: ResolvedConfig) => announcing(hosts.get(config), out)
      const deps = { cwd, python }
      const options = { port, strictPort, host: flags.host, debounceMs, deps, onEvent }
      const watching = await watch(inline, options).catch(async (error: unknown) => {
        await hosts.stop()
        throw error
      })
      const preview = flags.drafts && !flags.out
      const folder = preview
        ? `the preview folder ${shownFolder(cwd, outDir)} (with drafts; the output folder is not written)`
        : `the output folder ${shownFolder(cwd, outDir)}`
      const lines = servingLines(
        folder,
        watching.url,
        flags.host,
        watching.port,
        networkInterfaces(),
      )
      for (const line of lines.out) out.out(line)
      for (const line of lines.err) out.err(line)
      if (flags.open) openUrl(watching.url, (message) => out.err(`bds: --open: ${message}`))
      await new Promise<void>((stopped) => {
        ctx.interrupt = async () => {
          await watching.close()
          await hosts.stop()
          out.err('bds: stopped watching.')
          stopped()
        }
      })
    })
}
