// planPages: every HTML page of the site as a job for the Liquid theme, in two parts that
// can run on different threads — `entries` (one page per post or standalone page) and
// `lists` (home, archives, 404). Both parts claim every route in the same order, so they
// agree on conflicts; each plans jobs only for its own part. runPages renders jobs; a page
// whose template fails becomes a diagnostic and is left out, the others still render.

import type { ResolvedConfig } from '../config/index.js'
import type { Post } from '../content/index.js'
import { asBdsError, BdsError } from '../errors/index.js'
import type { PlannedFile } from '../output/index.js'
import type { TemplateEngine } from '../render/index.js'
import type { Collections } from './collections.js'
import type { ListSpec } from './lists.js'
import { pageMeta, plainExcerpt } from './page-meta.js'
import type { RouteTable } from './route-table.js'
import { outputPath, pageUrl } from './routes.js'
import { lastUpdated } from './sitemap.js'
import type { PostView } from './views.js'

export interface SitemapRoute {
  url: string
  lastmod?: Date
}

export type PagesPart = 'entries' | 'lists' | 'all'

export interface PagesContext {
  config: ResolvedConfig
  collections: Collections
  views: Map<Post, PostView>
  lists: ListSpec[]
  templates: TemplateEngine
  routes: RouteTable
  part: PagesPart
}

export interface PageJob {
  path: string
  source: string
  template: string
  scope: () => Record<string, unknown>
}

export interface PagesPlan {
  jobs: PageJob[]
  /** Every route of the site (both parts), for the sitemap. */
  routes: SitemapRoute[]
  diagnostics: BdsError[]
}

export interface PagesResult {
  /** Output paths that failed to render: their previous output is kept. */
  failed: string[]
  diagnostics: BdsError[]
}

function entryTemplate(post: Post, templates: TemplateEngine, diagnostics: BdsError[]): string {
  const fallback = `${post.kind}.liquid`
  if (!post.template) return fallback
  const wanted = post.template.endsWith('.liquid') ? post.template : `${post.template}.liquid`
  if (templates.has(wanted)) return wanted
  const line = post.keyLines.get('template') ?? post.keyLines.get('templateSlug') ?? 1
  diagnostics.push(
    new BdsError(
      'BDS_TEMPLATE_MISSING',
      `Template "${wanted}" does not exist; ${fallback} was used.`,
      {
        pos: { file: post.file, line, column: 1 },
        severity: 'warning',
      },
    ),
  )
  return fallback
}

/** Renders `jobs[from..to)`, handing each page to `emit`. */
export function runPages(
  jobs: readonly PageJob[],
  templates: TemplateEngine,
  emit: (file: PlannedFile) => void,
  into: PagesResult,
  from = 0,
  to = jobs.length,
): void {
  for (let i = from; i < to; i++) {
    const job = jobs[i] as PageJob
    let contents: string
    try {
      contents = templates.render(job.template, job.scope())
    } catch (error) {
      into.failed.push(job.path)
      into.diagnostics.push(asBdsError(error))
      continue
    }
    emit({ path: job.path, source: job.source, contents })
  }
}

export function planPages(ctx: PagesContext): PagesPlan {
  const { config, templates, routes, views } = ctx
  const result: PagesPlan = { jobs: [], routes: [], diagnostics: [] }
  const emit = (
    path: string,
    source: string,
    template: string,
    scope: () => Record<string, unknown>,
  ) => {
    result.jobs.push({ path, source, template, scope })
  }
  const entries = ctx.part !== 'lists'
  const lists = ctx.part !== 'entries'
  const listed = ctx.collections.listed
  const order = new Map(listed.map((p, i) => [p, i]))
  for (const post of [...ctx.collections.posts, ...ctx.collections.pages]) {
    const view = views.get(post) as PostView
    const path = outputPath(view.url)
    if (!routes.claim(path, post.file)) continue
    result.routes.push({ url: view.url, lastmod: post.dated ? post.updated : undefined })
    if (!entries) continue
    const i = order.get(post)
    emit(path, post.file, entryTemplate(post, templates, result.diagnostics), () => ({
      page: pageMeta(config, {
        kind: post.kind,
        title: post.title,
        url: view.url,
        description: plainExcerpt(view),
        language: post.language,
      }),
      post: view,
      previous: i === undefined ? undefined : views.get(listed[i + 1] as Post),
      next: i === undefined || i === 0 ? undefined : views.get(listed[i - 1] as Post),
    }))
  }
  for (const list of ctx.lists) {
    const template = templates.pick(list.templates) ?? 'list.liquid'
    const per = config.postsPerPage
    const pages = Math.max(1, Math.ceil(list.posts.length / per))
    const lastmod = lastUpdated(list.posts)
    for (let n = 1; n <= pages; n++) {
      const url = pageUrl(list.base, n)
      const path = outputPath(url)
      if (!routes.claim(path, `bds:${list.kind} list ${list.base}`)) continue
      result.routes.push({ url, lastmod })
      if (!lists) continue
      emit(path, `bds:${list.kind}`, template, () => ({
        page: pageMeta(config, { kind: list.kind, title: list.title, url, number: n }),
        posts: list.posts.slice((n - 1) * per, n * per).map((p) => views.get(p)),
        pagination: {
          page: n,
          pages,
          total: list.posts.length,
          previous: n > 1 ? pageUrl(list.base, n - 1) : undefined,
          next: n < pages ? pageUrl(list.base, n + 1) : undefined,
          first: list.base,
          base: list.base,
        },
        archive: list.archive,
      }))
    }
  }
  if (routes.claim('404.html', 'bds:404') && lists) {
    emit('404.html', 'bds:404', '404.liquid', () => ({
      page: pageMeta(config, { kind: '404', title: 'Page not found', url: '/404.html' }),
    }))
  }
  return result
}
