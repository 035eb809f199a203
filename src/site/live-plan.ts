// Which pages a watch-mode rebuild renders: every page is planned as in a full build, and a
// page is rendered again only when its key changed or its output is not on record; the
// others keep their output (`carried`).

import type { Post } from '../content/index.js'
import type { Manifest } from '../output/index.js'
import type { RenderedBody } from '../render/index.js'
import type { LiveSite } from './live.js'
import { createSiteModel, type SiteModel } from './model.js'
import { createKeyer } from './page-keys.js'
import { type PageJob, planPages } from './pages.js'
import { createRouteTable } from './route-table.js'
import { SUMMARY } from './views.js'

export function liveModel(live: LiveSite, posts: Post[]): SiteModel {
  const bodies = posts.map((p) => live.bodies.get(p.file) as RenderedBody)
  return createSiteModel(live.config, posts, bodies, live.store, live.memo)
}

export function planLive(live: LiveSite, model: SiteModel) {
  const { config } = live
  const routes = createRouteTable()
  const plan = planPages({ ...model, config, routes, part: 'all' })
  const summaries = live.store.templates.has(SUMMARY)
  const keyer = createKeyer({ model, deps: live.templateDeps, summaries })
  if (keyer.summaryKey !== live.summaryKey) live.memo.summaries.html.clear()
  live.summaryKey = keyer.summaryKey
  const carried: Manifest = new Map()
  const keys = new Map<string, string>()
  const dirty: PageJob[] = []
  for (const job of plan.jobs) {
    const key = keyer.key(job)
    const entry = live.manifest.get(job.path)
    keys.set(job.path, key)
    if (entry && live.keys.get(job.path) === key) carried.set(job.path, entry)
    else dirty.push(job)
  }
  return { routes, plan, dirty, carried, keys }
}
