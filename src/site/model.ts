// createSiteModel: everything the page renderers share — collections, one view per post,
// the Liquid engine with the site globals, and the list specs. Deterministic, so the main
// thread and the render worker build identical models from the same posts. Watch mode passes
// a ModelMemo, so a post whose data did not change keeps its view (and its rendered summary).

import type { ResolvedConfig } from '../config/index.js'
import type { Post } from '../content/index.js'
import {
  createTemplates,
  type RenderedBody,
  type TemplateEngine,
  type TemplateStore,
} from '../render/index.js'
import { BDS_VERSION } from '../version.js'
import { type Collections, collect } from './collections.js'
import { type ListSpec, listSpecs } from './lists.js'
import { postUrl } from './routes.js'
import { type PostView, postView, SUMMARY, type Summaries, siteView, withSummary } from './views.js'

export interface SiteModel {
  collections: Collections
  views: Map<Post, PostView>
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
  views: WeakMap<Post, { body: RenderedBody; url: string; terms: string; view: PostView }>
  summaries: Summaries
}

export function createModelMemo(): ModelMemo {
  const none = { render: () => '' }
  return { views: new WeakMap(), summaries: { templates: none, html: new Map() } }
}

/** `bodies[i]` is the rendered Markdown of `posts[i]`. */
export function createSiteModel(
  config: ResolvedConfig,
  posts: Post[],
  bodies: RenderedBody[],
  store: TemplateStore,
  memo: ModelMemo = createModelMemo(),
): SiteModel {
  const collections = collect(posts, config.timezone)
  const { termName } = collections
  const views = new Map<Post, PostView>()
  posts.forEach((post, i) => {
    const body = bodies[i] ?? { html: '', excerpt: '' }
    const url = postUrl(post, config.timezone)
    const terms = `${post.tags.map((t) => termName('tag', t))}\n${post.categories.map((c) => termName('category', c))}`
    const known = memo.views.get(post)
    if (known && known.body === body && known.url === url && known.terms === terms) {
      views.set(post, known.view)
      return
    }
    const view = postView({ post, url, ...body }, config.url, termName)
    if (store.templates.has(SUMMARY)) withSummary(view, memo.summaries)
    memo.views.set(post, { body, url, terms, view })
    views.set(post, view)
  })
  const site = siteView(config, collections, views)
  const templates = createTemplates(store, {
    siteUrl: config.url,
    timezone: config.timezone,
    language: config.language,
    globals: { site, bds: { version: BDS_VERSION } },
  })
  memo.summaries.templates = templates
  return {
    collections,
    views,
    templates,
    lists: listSpecs(collections, config.title, config.language),
    site,
  }
}
