// watch(): `bds watch` as a library call — build the site, serve it on localhost with live
// reload, and rebuild what a change affects on every save. One rebuild at a time; a rebuild
// that fails keeps the last good output and shows its errors in the browser. close() stops
// the watcher, the event streams and the server; the caller stops what it passed in `deps`.

import { statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import {
  type BuildDeps,
  type BuildReport,
  buildDeps,
  emptyChanges,
  type SiteChanges,
} from '../build/index.js'
import type { InlineConfig } from '../config/index.js'
import { asBdsError, BdsError, type Diagnostic, toDiagnostic } from '../errors/index.js'
import { fileSources } from '../util/source-files.js'
import { classify, isInput } from './classify.js'
import { listenError } from './listen-error.js'
import { createLiveReload } from './livereload.js'
import { overlayErrors } from './overlay.js'
import { createPreviewServer, listen } from './server.js'
import { openSession, type RebuildResult, type SiteSession } from './session.js'
import { startWatcher } from './watcher.js'

export interface WatchOptions {
  /** Port to serve on (default 4000); the next free one is taken when it is in use. */
  port?: number
  /** The port was asked for: when it is taken, fail instead of taking the next free one. */
  strictPort?: boolean
  /** Address to listen on (default 127.0.0.1: this machine only). */
  host?: string
  /** Quiet time that ends a burst of changes, in milliseconds (default 25). */
  debounceMs?: number
  /** Build dependencies, shared by every rebuild of the session. */
  deps?: Partial<BuildDeps>
  onEvent?: (event: WatchEvent) => void
}

interface EventBase {
  /** True for the first build. */
  initial: boolean
  /** Changed paths (relative to the site folder) that caused this build. */
  sources: string[]
  ms: number
}

export type WatchEvent =
  | (EventBase & { type: 'built'; report: BuildReport; changed: string[] })
  | (EventBase & { type: 'failed'; error: BdsError; diagnostic: Diagnostic })

export interface Watching {
  /** Where the site is served: its home page, under the base path. */
  url: string
  host: string
  port: number
  close(): Promise<void>
}

export async function watch(inline: InlineConfig = {}, o: WatchOptions = {}): Promise<Watching> {
  // Made once: every rebuild of the session gets the same deps, so what they hold (the Python
  // pool, when there is one) stays warm between rebuilds. Whoever made it stops it.
  const deps = buildDeps(o.deps)
  const root = resolve(deps.cwd, inline.root ?? '.')
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) {
    throw new BdsError('BDS_SITE_NOT_FOUND', `The site folder ${root} does not exist.`)
  }
  const emit = o.onEvent ?? (() => {})
  const live = createLiveReload()
  // Code frames for the overlay: each file read once, again after it changed.
  const frames = fileSources(root)
  let session: SiteSession | undefined
  let outDir = resolve(deps.cwd, inline.out ?? join(root, 'dist'))
  let basePath = ''
  const run = async (sources: string[], changes: SiteChanges) => {
    const t0 = performance.now()
    const initial = session === undefined
    const ms = () => Math.round(performance.now() - t0)
    try {
      let result: RebuildResult
      if (session) result = await session.rebuild(changes)
      else {
        // Drafts are previewed in .bds/preview/, never in the deploy folder (unless --out says so).
        const preview = inline.preview ?? inline.drafts
        session = await openSession({ ...inline, root, preview }, deps)
        result = session.first
      }
      outDir = session.config.paths.out
      basePath = session.config.basePath
      live.overlay(overlayErrors(result.report.diagnostics, frames))
      live.reload(result.changed)
      emit({ type: 'built', initial, sources, ms: ms(), ...result })
    } catch (thrown) {
      const error = asBdsError(thrown)
      const diagnostic = toDiagnostic(error)
      live.overlay(overlayErrors([{ ...diagnostic, severity: 'error' }], frames))
      emit({ type: 'failed', initial, sources, ms: ms(), error, diagnostic })
    }
  }
  let closing = false
  let started: () => void = () => {}
  const ready = new Promise<void>((done) => {
    started = done
  })
  const watcher = await startWatcher(root, {
    debounceMs: o.debounceMs ?? 25,
    isInput,
    onBatch: async (paths) => {
      await ready
      if (closing) return
      const changes = classify(paths)
      if (changes || !session) await run(paths, changes ?? emptyChanges())
    },
    onError: (error) => {
      const message = `The file watcher failed: ${error.message}`
      const failure = new BdsError('BDS_WATCH_FAILED', message, { cause: error })
      const diagnostic = toDiagnostic(failure)
      emit({ type: 'failed', initial: false, sources: [], ms: 0, error: failure, diagnostic })
    },
  })
  const server = createPreviewServer({
    root: () => outDir,
    base: () => basePath,
    live,
    host: o.host ?? '127.0.0.1',
  })
  const close = async () => {
    closing = true
    started()
    await watcher.close()
    live.close()
    server.closeAllConnections()
    await new Promise((done) => server.close(done))
    await session?.close()
  }
  try {
    await run([], emptyChanges())
    const host = o.host ?? '127.0.0.1'
    const wanted = o.port ?? 4000
    const port = await listen(server, host, wanted, o.strictPort ? 1 : 20).catch(
      (error: NodeJS.ErrnoException) => {
        throw listenError(error, host, wanted)
      },
    )
    started()
    const shown = host.includes(':') ? `[${host}]` : host
    return { url: `http://${shown}:${port}${basePath}/`, host, port, close }
  } catch (error) {
    await close()
    throw error
  }
}
