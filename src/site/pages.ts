// renderPages: every HTML page of the site through the Liquid theme. A page whose template
// fails becomes a diagnostic and is left out; the others still render.

import type { ResolvedConfig } from '../config/index.js'
import type { Post } from '../content/index.js'
import { asBdsError, BdsError } from '../errors/index.js'
import type { PlannedFile } from '../output/index.js'
import type { TemplateEngine } from '../render/index.js'
import type { Collections } from './collections.js'
import type { ListSpec } from './lists.js'
import type { RouteTable } from './route-table.js'
import { outputPath, pageUrl } from './routes.js'
import { lastUpdated } from './sitemap.js'
import type { PostView } from './views.js'

export interface SitemapRoute {
  url: string
  lastmod?: Date
}

export interface PagesContext {
  config: ResolvedConfig
  collections: Collections
  views: Map<Post, PostView>
  lists: ListSpec[]
  templates: TemplateEngine
  routes: RouteTable
  /** Receives each page as soon as it is rendered. */
  emit: (file: PlannedFile) => void
}

export interface PagesResult {
  /** Routes rendered, for the sitemap. */
  routes: SitemapRoute[]
  /** Output paths that failed to render: their previous output is kept. */
  failed: string[]
  diagnostics: BdsError[]
}

function pageMeta(kind: string, title: string, url: string, siteUrl: string) {
  return { kind, title, url, absolute_url: siteUrl + url }
}

export function renderPages(ctx: PagesContext): PagesResult {
  const { config, templates, routes } = ctx
  const result: PagesResult = { routes: [], failed: [], diagnostics: [] }
  const emit = (
    path: string,
    source: string,
    template: string,
    scope: Record<string, unknown>,
    route?: SitemapRoute,
  ) => {
    try {
      ctx.emit({ path, source, contents: templates.render(template, scope) })
      if (route) result.routes.push(route)
    } catch (error) {
      result.failed.push(path)
      result.diagnostics.push(asBdsError(error))
    }
  }
  const listed = ctx.collections.listed
  const order = new Map(listed.map((p, i) => [p, i]))
  for (const post of [...ctx.collections.posts, ...ctx.collections.pages]) {
    const view = ctx.views.get(post) as PostView
    const path = outputPath(view.url)
    if (!routes.claim(path, post.file)) continue
    const fallback = `${post.kind}.liquid`
    let template = fallback
    if (post.template) {
      const wanted = post.template.endsWith('.liquid') ? post.template : `${post.template}.liquid`
      if (templates.has(wanted)) template = wanted
      else {
        result.diagnostics.push(
          new BdsError(
            'BDS_TEMPLATE_MISSING',
            `Template "${wanted}" does not exist; ${fallback} was used.`,
            {
              pos: {
                file: post.file,
                line: post.keyLines.get('template') ?? post.keyLines.get('templateSlug') ?? 1,
                column: 1,
              },
              severity: 'warning',
            },
          ),
        )
      }
    }
    const i = order.get(post)
    emit(
      path,
      post.file,
      template,
      {
        page: pageMeta(post.kind, post.title, view.url, config.url),
        post: view,
        previous: i === undefined ? undefined : ctx.views.get(listed[i + 1] as Post),
        next: i === undefined || i === 0 ? undefined : ctx.views.get(listed[i - 1] as Post),
      },
      { url: view.url, lastmod: post.dated ? post.updated : undefined },
    )
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
      emit(
        path,
        `bds:${list.kind}`,
        template,
        {
          page: pageMeta(list.kind, list.title, url, config.url),
          posts: list.posts.slice((n - 1) * per, n * per).map((p) => ctx.views.get(p)),
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
        },
        { url, lastmod },
      )
    }
  }
  if (routes.claim('404.html', 'bds:404')) {
    emit('404.html', 'bds:404', '404.liquid', {
      page: pageMeta('404', 'Page not found', '/404.html', config.url),
    })
  }
  return result
}
