// The preview server: node:http over the output folder. GET and HEAD only; `index.html` for
// folders (a folder URL without its slash is redirected), the site's own 404.html with status
// 404, no folder listings, no dotfile or dot-folder (nor a write's temporary file), nothing
// outside the output folder (symbolic links included), and only for a Host header that names
// it (host-check.ts). A site with a base path is served under it (`/` redirects there). HTML
// pages get the live-reload client; everything is sent with `Cache-Control: no-store` and
// `X-Content-Type-Options: nosniff`.

import { createReadStream, readFileSync, realpathSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { join, resolve, sep } from 'node:path'
import { withoutBase } from '../util/base-path.js'
import { escapeHtml } from '../util/html.js'
import { CLIENT_JS } from './client.js'
import { hostAllowed } from './host-check.js'
import { CLIENT_PATH, EVENTS_PATH, injectClient, type LiveReload } from './livereload.js'
import { contentType } from './mime.js'

export interface ServeOptions {
  /** The output folder; asked on every request (a config change may move it). */
  root: () => string
  live: LiveReload
  /** The address the server listens on (default 127.0.0.1): the Host headers it answers. */
  host?: string
  /** The site's base path ('' or `/project`), asked on every request: the site is served under it. */
  base?: () => string
}

type Found = { file: string; path: string } | { redirect: string } | undefined

/** The file for a URL path inside `root`, or a redirect, or undefined for none. */
function find(root: string, pathname: string): Found {
  const target = resolve(root, `.${pathname}`)
  if (target !== root && !target.startsWith(root + sep)) return undefined
  const stat = statSync(target, { throwIfNoEntry: false })
  if (!stat) return undefined
  if (stat.isDirectory()) {
    if (!pathname.endsWith('/')) return { redirect: `${pathname}/` }
    return find(root, `${pathname}index.html`)
  }
  if (!stat.isFile()) return undefined
  // A symbolic link inside the output folder must not lead out of it.
  const real = realpathSync(target)
  const realRoot = realpathSync(root)
  if (real !== realRoot && !real.startsWith(realRoot + sep)) return undefined
  return {
    file: target,
    path: target
      .slice(root.length + 1)
      .split(sep)
      .join('/'),
  }
}

/** The output file a URL path stands for, whether or not it exists (for the client). */
const wantedPath = (pathname: string) =>
  (pathname.endsWith('/') ? `${pathname}index.html` : pathname).slice(1)

function send(res: ServerResponse, status: number, type: string, body: string | Buffer) {
  const length = Buffer.byteLength(body)
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': length,
    'Cache-Control': 'no-store',
  })
  res.end(res.req.method === 'HEAD' ? undefined : body)
}

function serveFile(
  res: ServerResponse,
  status: number,
  file: string,
  path: string,
  wanted: string,
) {
  const type = contentType(path)
  if (type.startsWith('text/html')) {
    const html = injectClient(readFileSync(file, 'utf8'), path, wanted)
    send(res, status, type, html)
    return
  }
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' })
  if (res.req.method === 'HEAD') res.end()
  else
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res)
}

function handle(o: ServeOptions, req: IncomingMessage, res: ServerResponse) {
  if (!hostAllowed(req.headers.host, o.host ?? '127.0.0.1', req.socket)) {
    const text = 'Bad request: this server answers only to the address it listens on.\n'
    return send(res, 400, 'text/plain; charset=utf-8', text)
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD')
    send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed\n')
    return
  }
  const url = new URL(req.url ?? '/', 'http://localhost')
  if (url.pathname === EVENTS_PATH) return o.live.handle(req, res)
  if (url.pathname === CLIENT_PATH)
    return send(res, 200, 'text/javascript; charset=utf-8', CLIENT_JS)
  const base = o.base?.() ?? ''
  const inside = withoutBase(url.pathname, base)
  // `/` and the base path without its slash lead to the site's home page.
  if ((inside === undefined && url.pathname === '/') || (base && url.pathname === base)) {
    res.writeHead(302, { Location: `${base}/${url.search}` })
    res.end()
    return
  }
  let pathname: string
  try {
    pathname = decodeURIComponent(inside ?? url.pathname)
  } catch {
    return send(res, 400, 'text/plain; charset=utf-8', 'Bad request\n')
  }
  if (pathname.includes('\0') || pathname.split('/').includes('..')) {
    return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden\n')
  }
  const root = resolve(o.root())
  // Dotfiles and dot-folders (.git, .env, a write's .NAME.bds-tmp-PID) are never served.
  const hidden = pathname.split('/').some((part) => part.startsWith('.'))
  // Outside the base path nothing is the site's: the 404 page shows what is missing.
  const found = hidden || inside === undefined ? undefined : find(root, pathname)
  if (found && 'redirect' in found) {
    res.writeHead(301, { Location: `${base}${encodeURI(found.redirect)}${url.search}` })
    res.end()
    return
  }
  if (found) return serveFile(res, 200, found.file, found.path, found.path)
  const notFound = join(root, '404.html')
  if (statSync(notFound, { throwIfNoEntry: false })?.isFile()) {
    return serveFile(res, 404, notFound, '404.html', wantedPath(pathname))
  }
  // No 404.html yet (the first build failed): a bare page, so the overlay can still show.
  const page = `<!doctype html><title>Not found</title><body><p>Not found: ${escapeHtml(pathname)}</p></body>`
  send(res, 404, 'text/html; charset=utf-8', injectClient(page, '404.html', wantedPath(pathname)))
}

/** Calls handle() and turns any exception into a 500, so one request cannot stop the server. */
export function createPreviewServer(o: ServeOptions): Server {
  return createServer((req, res) => {
    res.setHeader('X-Content-Type-Options', 'nosniff')
    try {
      handle(o, req, res)
    } catch (error) {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', `${error}\n`)
      else res.destroy()
    }
  })
}

/** Listens on `host`:`port`, or the next free port above it (at most `tries` ports). */
export async function listen(server: Server, host: string, port: number, tries = 20) {
  for (let p = port, left = tries; ; p++, left--) {
    try {
      await new Promise<void>((done, fail) => {
        server.once('error', fail)
        server.listen(p, host, () => {
          server.off('error', fail)
          done()
        })
      })
      const address = server.address()
      return typeof address === 'object' && address ? address.port : p
    } catch (error) {
      const code = (error as { code?: string }).code
      if (code !== 'EADDRINUSE' || left <= 1 || port === 0) throw error
    }
  }
}
