// Rendering the pages of a watch-mode rebuild: on the main thread, yielding now and then so
// Ctrl-C is handled; when many post pages changed (a template edit), half of them go to a
// render worker, as in a full build, and the two threads render at once.

import { setImmediate as yieldToLoop } from 'node:timers/promises'
import type { Post } from '../content/index.js'
import type { FileSink } from '../output/index.js'
import type { RenderedBody } from '../render/index.js'
import type { LiveSite } from './live.js'
import type { SiteModel } from './model.js'
import { type PageJob, type PagesResult, runPages } from './pages.js'
import { type EntriesResult, startRenderWorker } from './render-pool.js'

/** Fewer changed post pages than this are rendered faster than a worker starts. */
const WORKER_MIN_ENTRIES = 1000
const YIELD_EVERY = 64

export async function renderDirty(
  live: LiveSite,
  posts: Post[],
  model: SiteModel,
  dirty: PageJob[],
  sink: FileSink,
  pages: PagesResult,
): Promise<EntriesResult | undefined> {
  const entries = dirty.filter((j) => !j.source.startsWith('bds:'))
  const { parallel } = live.deps
  const split = parallel === 'auto' ? entries.length >= WORKER_MIN_ENTRIES : parallel
  const theirs = split ? entries.slice(Math.ceil(entries.length / 2)) : []
  const given = new Set(theirs)
  const mine = dirty.filter((j) => !given.has(j))
  const worker = theirs.length > 0 ? startRenderWorker(live.config) : undefined
  try {
    const bodies = posts.map((p) => live.bodies.get(p.file) as RenderedBody)
    const paths = theirs.map((j) => j.path)
    const light = posts.map((p) => ({ ...p, body: '' }))
    const fromWorker = worker?.entries(light, bodies, live.store, live.manifest, false, paths)
    fromWorker?.catch(() => {})
    for (let from = 0; from < mine.length; from += YIELD_EVERY) {
      const to = Math.min(mine.length, from + YIELD_EVERY)
      runPages(mine, model.templates, sink.write, pages, from, to)
      await yieldToLoop()
    }
    return await fromWorker
  } finally {
    await worker?.close()
  }
}
