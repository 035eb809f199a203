// planPages: every HTML page of the site as a job for the Liquid theme, in two parts that
// can run on different threads — `entries` (one page per post or standalone page) and
// `lists` (home, archives, 404). Both parts claim every route in the same order, so they
// agree on conflicts; each plans jobs only for its own part. Pure: render/pages.ts renders them.

import type { ResolvedConfig } from '../config/index.js'
import type { PostMeta } from '../content/index.js'
import { BdsError } from '../errors/index.js'
import { translate } from '../locales/index.js'
import { type Collections, lastUpdated } from './collections.js'
import type { ListSpec } from './lists.js'
import { navProblems } from './nav.js'
import { type Alternate, pageMeta, plainExcerpt } from './page-meta.js'
import type { RouteTable } from './route-table.js'
import { outputPath, pageUrl, permalink } from './routes.js'
import type { Tree } from './site-index.js'
import type { PostView } from './views.js'

export interface SitemapRoute {
  url: string
  lastmod?: Date
}

export type PagesPart = 'entries' | 'lists' | 'all'

/** What planning needs of the template engine: which templates exist. */
export interface TemplateChoice {
  has(name: string): boolean
  /** The first of `names` that exists. */
  pick(names: readonly string[]): string | undefined
}

export interface PagesContext {
  config: ResolvedConfig
  collections: Collections
  views: Map<PostMeta, PostView>
  lists: ListSpec[]
  templates: TemplateChoice
  routes: RouteTable
  part: PagesPart
  /** The language tree the pages belong to (its prefix starts their URLs). */
  tree: Tree
  /** Where each post (by id) and the home page are in every language, when there are several. */
  alternates?: SiteAlternates
}

export interface SiteAlternates {
  posts: Readonly<Record<string, readonly Alternate[]>>
  home: readonly Alternate[]
}

export interface PageJob {
  path: string
  source: string
  template: string
  scope: () => Record<string, unknown>
  /** What the scope is made of besides the globals — the post views it shows and the rest as
   * text — so watch mode can tell whether the page changed without rendering it. */
  views: (PostView | undefined)[]
  detail: string
}

export interface PagesPlan {
  jobs: PageJob[]
  /** Every route of the site (both parts), for the sitemap. */
  routes: SitemapRoute[]
  diagnostics: BdsError[]
}

function entryTemplate(post: PostMeta, templates: TemplateChoice, diagnostics: BdsError[]): string {
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

export function planPages(ctx: PagesContext): PagesPlan {
  const { config, templates, routes, views } = ctx
  const { prefix } = ctx.tree
  const language = ctx.tree.language || config.language
  const result: PagesPlan = { jobs: [], routes: [], diagnostics: [] }
  const emit = (job: PageJob) => result.jobs.push(job)
  const entries = ctx.part !== 'lists'
  const lists = ctx.part !== 'entries'
  const listed = ctx.collections.listed
  const order = new Map(listed.map((p, i) => [p, i]))
  for (const post of [...ctx.collections.posts, ...ctx.collections.pages]) {
    const view = views.get(post) as PostView
    const i = order.get(post)
    const previous = i === undefined ? undefined : views.get(listed[i + 1] as PostMeta)
    const next = i === undefined || i === 0 ? undefined : views.get(listed[i - 1] as PostMeta)
    // A page with a date also has its /YYYY/MM/DD/slug/ permalink, naming /slug/ as canonical.
    const urls = [view.url]
    if (post.kind === 'page' && post.dated) urls.push(permalink(post, config.timezone, prefix))
    for (const url of urls) {
      const path = outputPath(url, config.basePath)
      if (!routes.claim(path, post.file)) continue
      result.routes.push({ url, lastmod: post.dated ? post.updated : undefined })
      if (!entries) continue
      const template = entryTemplate(post, templates, result.diagnostics)
      const scope = () => ({
        page: pageMeta(config, {
          kind: post.kind,
          title: post.title,
          url,
          canonical: view.url,
          description: plainExcerpt(view),
          language: post.language || language,
          alternates: ctx.alternates?.posts[post.id],
        }),
        post: view,
        previous,
        next,
      })
      const detail = url === view.url ? '' : url
      emit({ path, source: post.file, template, scope, views: [view, previous, next], detail })
    }
  }
  for (const list of ctx.lists) {
    const template = templates.pick(list.templates) ?? 'list.liquid'
    const per = config.postsPerPage
    const pages = Math.max(1, Math.ceil(list.posts.length / per))
    const lastmod = lastUpdated(list.posts)
    const about = JSON.stringify([
      list.kind,
      list.base,
      list.title,
      list.archive,
      list.posts.length,
    ])
    for (let n = 1; n <= pages; n++) {
      const url = pageUrl(list.base, n)
      const path = outputPath(url, config.basePath)
      if (!routes.claim(path, `bds:${list.kind} list ${list.base}`)) continue
      result.routes.push({ url, lastmod })
      if (!lists) continue
      const shown = list.posts.slice((n - 1) * per, n * per).map((p) => views.get(p))
      const detail = `${about}|${n}`
      const scope = () => ({
        page: pageMeta(config, {
          kind: list.kind,
          title: list.title,
          url,
          number: n,
          language,
          alternates: list.kind === 'home' && n === 1 ? ctx.alternates?.home : undefined,
          feeds: list.feeds,
        }),
        posts: shown,
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
      })
      emit({ path, source: `bds:${list.kind}`, template, scope, views: shown, detail })
    }
  }
  // The config's nav is checked once, in the main tree's lists.
  if (prefix === '' && lists) result.diagnostics.push(...navProblems(config, ctx.collections.pages))
  // One 404 page for the whole site, in the main tree.
  if (prefix === ctx.tree.base && routes.claim('404.html', 'bds:404') && lists) {
    const title = translate(language, 'theme.notFoundTitle')
    const url = `${prefix}/404.html`
    const scope = () => ({
      page: pageMeta(config, { kind: '404', title, url, language }),
    })
    emit({
      path: '404.html',
      source: 'bds:404',
      template: '404.liquid',
      scope,
      views: [],
      detail: '',
    })
  }
  // The search page of each tree, unless the site has its own at that path.
  const search = outputPath(`${prefix}/search/`, config.basePath)
  if (config.search && lists && !routes.owner(search) && routes.claim(search, 'bds:search')) {
    const title = translate(language, 'theme.search')
    const url = `${prefix}/search/`
    const scope = () => ({ page: pageMeta(config, { kind: 'search', title, url, language }) })
    emit({
      path: search,
      source: 'bds:search',
      template: 'search.liquid',
      scope,
      views: [],
      detail: '',
    })
  }
  return result
}
