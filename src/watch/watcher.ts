// The file watcher: chokidar on the site folder (inputs only, see classify.ts), with changes
// collected into batches — a batch is handed over once no event came for `debounceMs`, so a
// burst of saves (an editor writing several files, a git checkout) becomes one batch, and
// never while the previous batch is still being handled: the next waits for it.

import { relative, sep } from 'node:path'
import { watch as chokidar } from 'chokidar'

export interface WatcherOptions {
  /** Quiet time before a batch is handed over, in milliseconds. */
  debounceMs: number
  /** True for a path relative to the root (`/`-separated) that may be an input. */
  isInput: (rel: string) => boolean
  /** Handles one batch of changed paths (relative to the root); the next waits for it. */
  onBatch: (paths: string[]) => Promise<void>
  onError: (error: Error) => void
}

export interface Watcher {
  /** Stops watching and waits for the batch being handled, if any. */
  close(): Promise<void>
}

export async function startWatcher(root: string, o: WatcherOptions): Promise<Watcher> {
  const rel = (path: string) => relative(root, path).split(sep).join('/')
  const pending = new Set<string>()
  let timer: NodeJS.Timeout | undefined
  let lastEvent = 0
  let running: Promise<void> | undefined
  let closed = false
  const flush = () => {
    timer = undefined
    if (running || closed || pending.size === 0) return
    const batch = [...pending]
    pending.clear()
    running = o
      .onBatch(batch)
      .catch(o.onError)
      .finally(() => {
        running = undefined
        schedule()
      })
  }
  const schedule = () => {
    if (timer) clearTimeout(timer)
    if (pending.size === 0 || closed) return
    timer = setTimeout(flush, Math.max(0, o.debounceMs - (Date.now() - lastEvent)))
  }
  const watcher = chokidar(root, {
    ignoreInitial: true,
    ignored: (path) => !o.isInput(rel(path)),
  })
  watcher.on('all', (_event, path) => {
    pending.add(rel(path))
    lastEvent = Date.now()
    schedule()
  })
  watcher.on('error', (error) => o.onError(error as Error))
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()))
  return {
    async close() {
      closed = true
      if (timer) clearTimeout(timer)
      await watcher.close()
      await running
    },
  }
}
