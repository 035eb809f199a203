// Live reload over server-sent events. Every HTML page served by `bds watch` holds one
// connection to EVENTS_PATH. After each rebuild the hub sends the output files that changed
// (`reload`; the page decides whether it is concerned) and the errors to show (`overlay`, an
// empty list hides it). `hello` names this server process, so a page that reconnects to a
// restarted server reloads itself.

import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { escapeHtml } from '../util/html.js'
import type { OverlayError } from './overlay.js'

export const EVENTS_PATH = '/__bds/events'
export const CLIENT_PATH = '/__bds/client.js'

export interface LiveReload {
  /** Serves the event stream to one browser page. */
  handle(req: IncomingMessage, res: ServerResponse): void
  /** Tells every page which output files (relative to the output folder) changed. */
  reload(changed: readonly string[]): void
  /** Shows these errors on every page (and on pages that connect later); [] hides them. */
  overlay(errors: readonly OverlayError[]): void
  readonly clients: number
  close(): void
}

export function createLiveReload(): LiveReload {
  const id = randomUUID()
  const clients = new Set<ServerResponse>()
  let shown: readonly OverlayError[] = []
  let build = 0
  const send = (res: ServerResponse, event: string, data: unknown) =>
    res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
  const broadcast = (event: string, data: unknown) => {
    for (const res of clients) send(res, event, data)
  }
  // A comment now and then keeps proxies and idle timeouts from closing the stream.
  const heartbeat = setInterval(() => {
    for (const res of clients) res.write(': ping\n\n')
  }, 15_000)
  heartbeat.unref()
  return {
    handle(req, res) {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      })
      res.write('retry: 500\n\n')
      send(res, 'hello', { id, build })
      if (shown.length > 0) send(res, 'overlay', { errors: shown })
      clients.add(res)
      req.on('close', () => clients.delete(res))
    },
    reload(changed) {
      build += 1
      broadcast('reload', { build, changed })
    },
    overlay(errors) {
      if (errors.length === 0 && shown.length === 0) return
      shown = errors
      broadcast('overlay', { errors })
    },
    get clients() {
      return clients.size
    },
    close() {
      clearInterval(heartbeat)
      for (const res of clients) res.end()
      clients.clear()
    },
  }
}

/**
 * Adds the live-reload client to an HTML page served as `file` for a request whose own
 * output file would be `wanted` (they differ for a 404 page).
 */
export function injectClient(html: string, file: string, wanted: string): string {
  const attrs = `data-file="${escapeHtml(file)}" data-wanted="${escapeHtml(wanted)}"`
  const tag = `<script src="${CLIENT_PATH}" ${attrs}></script>`
  const at = html.toLowerCase().lastIndexOf('</body>')
  return at === -1 ? `${html}${tag}\n` : `${html.slice(0, at)}${tag}\n${html.slice(at)}`
}
