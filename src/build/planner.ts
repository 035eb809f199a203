// Which pages a build renders: every page is planned; a full build renders them all, a
// rebuild only those whose key changed or whose output is not on record — the others keep
// their output (`carried`). Keys are computed when the build's state is kept for a rebuild.

import type { ResolvedConfig } from '../config/index.js'
import type { Manifest } from '../output/index.js'
import type { TemplateDeps } from '../render/index.js'
import {
  type PageJob,
  type PagesPlan,
  planPages,
  type RouteTable,
  type SiteAlternates,
} from '../site/index.js'
import type { SiteModel } from './model.js'
import { createKeyer } from './page-keys.js'

export interface PageKeys {
  /** Page output path → the key it was last rendered with (failed pages have none). */
  keys: ReadonlyMap<string, string>
  summaryKey: string
}

export interface BuildPlan {
  plan: PagesPlan
  /** Pages to render now. */
  dirty: PageJob[]
  /** Pages whose output stays as it is. */
  carried: Manifest
  /** Keys of the tree's pages (empty unless keys were asked for). */
  keys: Map<string, string>
  summaryKey: string
}

export interface PlanInput {
  config: ResolvedConfig
  model: SiteModel
  /** Every tree's pages claim their paths in one table. */
  routes: RouteTable
  alternates?: SiteAlternates
  /** Dependencies of each template: asked for only when keys are kept. */
  templateDeps?: (name: string) => TemplateDeps
  hasSummary: boolean
  /** What template macros' results depend on (page-keys.ts). */
  macroKey?: string
  /** The last build's keys and output, for a rebuild. */
  previous?: PageKeys & { manifest: Manifest }
}

export function planBuild(input: PlanInput): BuildPlan {
  const { config, model, routes, templateDeps, hasSummary, previous, alternates } = input
  const { collections, tree } = model.index
  const plan = planPages({ ...model, collections, tree, config, routes, alternates, part: 'all' })
  const carried: Manifest = new Map()
  const keys = new Map<string, string>()
  if (!templateDeps) return { plan, dirty: plan.jobs, carried, keys, summaryKey: '' }
  const keyer = createKeyer({
    model,
    deps: templateDeps,
    summaries: hasSummary,
    macroKey: input.macroKey,
  })
  const dirty: PageJob[] = []
  for (const job of plan.jobs) {
    const key = keyer.key(job)
    keys.set(job.path, key)
    const entry = previous?.manifest.get(job.path)
    if (entry && previous?.keys.get(job.path) === key) carried.set(job.path, entry)
    else dirty.push(job)
  }
  return { plan, dirty, carried, keys, summaryKey: keyer.summaryKey }
}
