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

/** A hash of everything a view shows (not its lazy summary, which the template key covers). */
export function viewHash(view: PostView): string {
  let hash = viewHashes.get(view)
  if (hash === undefined) {
    const { summary_html: _summary, ...data } = Object.getOwnPropertyDescriptors(view)
    const plain = Object.fromEntries(Object.entries(data).map(([k, d]) => [k, d.value]))
    hash = hashText(JSON.stringify(plain))
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
}

export function createContentKeyer(ctx: ContentKeyContext): (job: PageJob) => string {
  const views = new Set<unknown>(ctx.model.views.values())
  const replacer = (_key: string, v: unknown) =>
    typeof v === 'object' && v !== null && views.has(v) ? `#${viewHash(v as PostView)}` : v
  const site = new Map(
    Object.entries(ctx.model.site).map(([k, v]) => [k, JSON.stringify(v, replacer) ?? '']),
  )
  const siteKey = (used: TemplateDeps['site']) =>
    (used === 'all' ? [...site.keys()] : used).map((k) => `${k}=${site.get(k) ?? ''}`).join('\n')
  const summary = ctx.summaries
    ? (() => {
        const d = ctx.deps(SUMMARY)
        return hashText(`${d.hash}\n${siteKey(d.site)}`)
      })()
    : ''
  const templates = new Map<string, string>()
  const templateKey = (name: string) => {
    let key = templates.get(name)
    if (key === undefined) {
      const d = ctx.deps(name)
      key = hashText(`${name}\n${d.hash}\n${siteKey(d.site)}\n${d.summary ? summary : ''}`)
      templates.set(name, key)
    }
    return key
  }
  return (job) =>
    cacheKey(
      'page',
      ctx.base,
      templateKey(job.template),
      job.path,
      JSON.stringify(job.scope(), replacer),
    )
}
