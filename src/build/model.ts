// createSiteModel: everything the page renderers share — one view per post, the Liquid engine
// with the site globals, and the list specs — made from the site index and the rendered
// bodies. Deterministic, so the main thread and the render worker build identical models from
// the same posts. A ModelMemo keeps the view of a post whose data did not change (and its
// rendered summary) across the models of a watch session.

import type { ResolvedConfig } from '../config/index.js'
import type { PostMeta } from '../content/index.js'
import {
  createTemplates,
  type RenderedBody,
  type TemplateEngine,
  type TemplateMacros,
  type TemplateStore,
} from '../render/index.js'
import {
  type LazyBody,
  type ListSpec,
  listSpecs,
  type PostView,
  postView,
  type SiteIndex,
  SUMMARY,
  type Summaries,
  siteView,
} from '../site/index.js'
import { BDS_VERSION } from '../version.js'

export interface SiteModel {
  index: SiteIndex
  views: Map<PostMeta, PostView>
  templates: TemplateEngine
  lists: ListSpec[]
  /** The `site` global of the templates. */
  site: Record<string, unknown>
}

/**
 * Views kept across the models of a watch session, with what each was made from. Drop it when
 * the templates change (a view's summary getter exists only when the summary partial does).
 */
export interface ModelMemo {
  views: WeakMap<
    PostMeta,
    { body: RenderedBody | LazyBody; url: string; terms: string; view: PostView }
  >
  summaries: Summaries
}

export function createModelMemo(): ModelMemo {
  const none = { render: () => '' }
  return { views: new WeakMap(), summaries: { templates: none, html: new Map() } }
}

/**
 * `bodies[i]` is the rendered Markdown of `index.posts[i]` (a render worker's read when shown);
 * `macros` takes template macro calls.
 */
export function createSiteModel(
  config: ResolvedConfig,
  index: SiteIndex,
  bodies: readonly (RenderedBody | LazyBody)[],
  store: TemplateStore,
  memo: ModelMemo = createModelMemo(),
  macros?: TemplateMacros,
): SiteModel {
  const { termName, hasTerm } = index.collections
  const { rules } = index
  // A view shows each term's name and whether it has an archive.
  const term = (kind: string, raw: string) => {
    const name = termName(kind, raw)
    return hasTerm(kind, name) ? name : `${name}\u0000`
  }
  const custom = index.collections.taxonomies.map((t) => t.taxonomy.name)
  const views = new Map<PostMeta, PostView>()
  index.posts.forEach((post, i) => {
    const body = bodies[i] ?? { html: '', excerpt: '' }
    const url = index.urls.get(post) as string
    let terms = `${post.tags.map((t) => term('tag', t))}\n${post.categories.map((c) => term('category', c))}`
    for (const name of custom)
      terms += `\n${(post.taxonomies?.[name] ?? []).map((t) => term(name, t))}`
    const known = memo.views.get(post)
    if (known && known.body === body && known.url === url && known.terms === terms) {
      views.set(post, known.view)
      return
    }
    const view = postView(
      { post, url, ...body },
      config.origin,
      index.collections,
      rules.showTitle(post),
      index.tree.prefix,
      store.templates.has(SUMMARY) ? memo.summaries : undefined,
    )
    memo.views.set(post, { body, url, terms, view })
    views.set(post, view)
  })
  const site = siteView(config, index, views)
  const language = index.tree.language || config.language
  const templates = createTemplates(store, {
    origin: config.origin,
    basePath: config.basePath,
    timezone: config.timezone,
    language,
    globals: { site, bds: { version: BDS_VERSION } },
    macros,
  })
  memo.summaries.templates = templates
  return {
    index,
    views,
    templates,
    lists: listSpecs(index.collections, config.title, language, index.tree.prefix, config.feeds),
    site,
  }
}
