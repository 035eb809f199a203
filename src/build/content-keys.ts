// Content keys of pages for the build cache: like page-keys.ts (the template files a page
// reads and the `site.*` globals they use), but a post view stands for a hash of its content
// rather than its identity, and the page's whole scope is hashed, so the key is the same in
// every build and on every machine that renders the same page.

import { cacheKey } from '../cache/index.js'
import type { TemplateDeps } from '../render/index.js'
import { type PageJob, type PostView, SUMMARY } from '../site/index.js'
import { hashText } from '../util/hash.js'
import type { SiteModel } from './model.js'

const viewHashes = new WeakMap<object, string>()

/**
 * A hash of everything a view shows: its own fields (its lazy `summary_html` is no field of
 * its, and the template key covers it). A view is a Drop with its fields as own data
 * properties (site/views.ts), so plain JSON of it is exactly those.
 */
export function viewHash(view: PostView): string {
  let hash = viewHashes.get(view)
  if (hash === undefined) {
    hash = hashText(JSON.stringify(view))
    viewHashes.set(view, hash)
  }
  return hash
}

export interface ContentKeyContext {
  model: SiteModel
  deps: (template: string) => TemplateDeps
  summaries: boolean
  /** What every page of the build shares: the engine, the config, the tree. */
  base: string
  /**
   * What template macros' results depend on (steps/template-macros.ts), for templates that
   * call one; undefined when such calls may differ every build (such pages are not kept).
   */
  macroKey?: string
}

/** A page's key, or undefined when the page may differ every build (it is never kept). */
export function createContentKeyer(ctx: ContentKeyContext): (job: PageJob) => string | undefined {
  const views = new Set<unknown>(ctx.model.views.values())
  const replacer = (_key: string, v: unknown) =>
    typeof v === 'object' && v !== null && views.has(v) ? `#${viewHash(v as PostView)}` : v
  const site = new Map(
    Object.entries(ctx.model.site).map(([k, v]) => [k, JSON.stringify(v, replacer) ?? '']),
  )
  const siteKey = (used: TemplateDeps['site']) =>
    (used === 'all' ? [...site.keys()] : used).map((k) => `${k}=${site.get(k) ?? ''}`).join('\n')
  const macroKey = (d: TemplateDeps) => (d.macros ? ctx.macroKey : '')
  const summary = (() => {
    if (!ctx.summaries) return ''
    const d = ctx.deps(SUMMARY)
    const macros = macroKey(d)
    return macros === undefined ? undefined : hashText(`${d.hash}\n${siteKey(d.site)}\n${macros}`)
  })()
  const templates = new Map<string, string | null>()
  const templateKey = (name: string) => {
    let key = templates.get(name)
    if (key === undefined) {
      const d = ctx.deps(name)
      const macros = macroKey(d)
      const summaries = d.summary ? summary : ''
      key =
        macros === undefined || summaries === undefined
          ? null
          : hashText(`${name}\n${d.hash}\n${siteKey(d.site)}\n${summaries}\n${macros}`)
      templates.set(name, key)
    }
    return key ?? undefined
  }
  return (job) => {
    const template = templateKey(job.template)
    if (template === undefined) return undefined
    return cacheKey('page', ctx.base, template, job.path, JSON.stringify(job.scope(), replacer))
  }
}
