// Page keys: a short text per page job standing for everything its HTML is made from — the
// template files it reads, the `site.*` globals they use, the post views it shows (each view
// has an id that changes whenever the view is rebuilt) and the rest of its scope. Watch mode
// re-renders a page only when its key changed; the site config is the same for the session.

import type { TemplateDeps } from '../render/index.js'
import { type PageJob, SUMMARY } from '../site/index.js'
import { hashText } from '../util/hash.js'
import type { SiteModel } from './model.js'

const ids = new WeakMap<object, number>()
let nextId = 0

/** An id for an object, the same for as long as the object lives. */
export function objectId(value: object): number {
  let id = ids.get(value)
  if (id === undefined) {
    id = ++nextId
    ids.set(value, id)
  }
  return id
}

export interface KeyContext {
  model: SiteModel
  deps: (template: string) => TemplateDeps
  /** Whether the store has the post-summary partial. */
  summaries: boolean
  /** What template macros' results depend on (scripts, site data, media). */
  macroKey?: string
}

/** Key of each `site.*` property: its JSON, post views stood for by their ids. */
function siteKeys(model: SiteModel): Map<string, string> {
  const views = new Set<unknown>(model.views.values())
  const replacer = (_key: string, v: unknown) =>
    typeof v === 'object' && views.has(v) ? `#${objectId(v as object)}` : v
  const entries = Object.entries(model.site)
  return new Map(entries.map(([k, v]) => [k, JSON.stringify(v, replacer) ?? '']))
}

export function createKeyer(ctx: KeyContext) {
  const site = siteKeys(ctx.model)
  const siteKey = (used: TemplateDeps['site']) =>
    (used === 'all' ? [...site.keys()] : used).map((k) => `${k}=${site.get(k) ?? ''}`).join('\n')
  const summaryDeps = ctx.deps(SUMMARY)
  /** What every summary depends on besides its post: drop cached summaries when it changes. */
  const macroKey = (d: TemplateDeps) => (d.macros ? (ctx.macroKey ?? '') : '')
  const summaryKey = ctx.summaries
    ? hashText(`${summaryDeps.hash}\n${siteKey(summaryDeps.site)}\n${macroKey(summaryDeps)}`)
    : ''
  const templateKeys = new Map<string, string>()
  const templateKey = (name: string) => {
    let key = templateKeys.get(name)
    if (key === undefined) {
      const d = ctx.deps(name)
      key = hashText(
        `${name}\n${d.hash}\n${siteKey(d.site)}\n${d.summary ? summaryKey : ''}\n${macroKey(d)}`,
      )
      templateKeys.set(name, key)
    }
    return key
  }
  const viewId = (v: object | undefined) => (v ? objectId(v) : 0)
  return {
    summaryKey,
    key: (job: PageJob) =>
      `${templateKey(job.template)}\n${job.detail}\n${job.views.map(viewId).join(',')}`,
  }
}
