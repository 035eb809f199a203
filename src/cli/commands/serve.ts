// `bds serve [dir]`: serves a site's output folder (or any built folder) as it is, on
// localhost, without building or watching — the way to open what `bds build` wrote, since
// over file:// the pages have no styles and their links lead nowhere.

import { stat } from 'node:fs/promises'
import { networkInterfaces } from 'node:os'
import { join, resolve } from 'node:path'
import type { Command } from 'commander'
import { loadConfig, resolveConfig } from '../../config/index.js'
import { BdsError } from '../../errors/index.js'
import { resolveBasePath } from '../../util/base-path.js'
import { createLiveReload, createPreviewServer, listen, listenError } from '../../watch/index.js'
import { parseNumber, shownFolder } from '../args.js'
import type { CliContext } from '../context.js'
import { openUrl } from '../open-url.js'
import { servingLines } from './watch-output.js'

interface ServeFlags {
  port?: string
  host: string
  open?: boolean
  out?: string
  basePath?: string
}

const isFile = (path: string) =>
  stat(path).then(
    (s) => s.isFile(),
    () => false,
  )

/**
 * The folder to serve — --out, else a built folder given directly, else the site's output —
 * and the base path it is served under: --base-path, else the site's (none for a bare folder).
 */
async function folderToServe(root: string, cwd: string, flags: ServeFlags) {
  const given = flags.basePath === undefined ? undefined : resolveBasePath('', flags.basePath)
  const site = async () => resolveConfig(await loadConfig(root), { root }, cwd)
  if (flags.out) {
    const base =
      given ??
      (await site().then(
        (c) => c.basePath,
        () => '',
      ))
    return { folder: resolve(cwd, flags.out), base }
  }
  if (await isFile(join(root, 'index.html'))) return { folder: root, base: given ?? '' }
  const config = await site()
  return { folder: config.paths.out, base: given ?? config.basePath }
}

const EXAMPLES = `
Examples:
  $ bds build my-blog && bds serve my-blog   # the output folder of the site, as built
  $ bds serve my-blog/dist --port 8080       # any built folder
  $ bds serve --host 0.0.0.0                 # to other devices on your network
  $ bds serve public --base-path /project    # a folder built for https://host/project/
`

export function registerServe(cmd: Command, ctx: CliContext): void {
  cmd
    .argument('[dir]', 'site folder, or a built folder holding index.html', '.')
    .option('-p, --port <port>', 'port to serve on (default 4000, or the next free one)')
    .option(
      '--host <address>',
      'address to listen on; 0.0.0.0 shows it to your network',
      '127.0.0.1',
    )
    .option('--open', 'open the site in the default browser')
    .option('-o, --out <dir>', "serve this folder (default: the site's output folder)")
    .option(
      '--base-path <path>',
      "serve under this path, e.g. /project (default: the site's basePath)",
    )
    .addHelpText('after', EXAMPLES)
    .action(async (dir: string, flags: ServeFlags) => {
      const port = flags.port === undefined ? 4000 : parseNumber('--port', flags.port, 65535)
      const cwd = ctx.cwd()
      const { folder, base } = await folderToServe(resolve(cwd, dir), cwd, flags)
      if (!(await isFile(join(folder, 'index.html'))))
        throw new BdsError('BDS_SERVE_NOT_BUILT', `${folder} holds no built site (no index.html).`)
      const live = createLiveReload()
      const server = createPreviewServer({ root: () => folder, base: () => base, live })
      const host = flags.host
      const tries = flags.port === undefined ? 20 : 1
      const bound = await listen(server, host, port, tries).catch(
        (error: NodeJS.ErrnoException) => {
          throw listenError(error, host, port)
        },
      )
      const url = `http://${host.includes(':') ? `[${host}]` : host}:${bound}${base}/`
      const lines = servingLines(shownFolder(cwd, folder), url, host, bound, networkInterfaces())
      for (const line of lines.out) ctx.out.out(line)
      for (const line of lines.err) ctx.out.err(line)
      if (flags.open) openUrl(url, (message) => ctx.out.err(`bds: --open: ${message}`))
      await new Promise<void>((stopped) => {
        ctx.interrupt = async () => {
          live.close()
          server.closeAllConnections()
          await new Promise((done) => server.close(done))
          ctx.out.err('bds: stopped serving.')
          stopped()
        }
      })
    })
}
