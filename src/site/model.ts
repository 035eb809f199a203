// createSiteModel: everything the page renderers share — collections, one view per post,
// the Liquid engine with the site globals, and the list specs. Deterministic, so the main
// thread and the render worker build identical models from the same posts.

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
import { type PostView, postView, siteView, withSummary } from './views.js'

export interface SiteModel {
  collections: Collections
  views: Map<Post, PostView>
  templates: TemplateEngine
  lists: ListSpec[]
}

/** `bodies[i]` is the rendered Markdown of `posts[i]`. */
export function createSiteModel(
  config: ResolvedConfig,
  posts: Post[],
  bodies: RenderedBody[],
  store: TemplateStore,
): SiteModel {
  const collections = collect(posts, config.timezone)
  const views = new Map<Post, PostView>()
  posts.forEach((post, i) => {
    const body = bodies[i] ?? { html: '', excerpt: '' }
    views.set(
      post,
      postView(
        { post, url: postUrl(post, config.timezone), ...body },
        config.url,
        collections.termName,
      ),
    )
  })
  const templates = createTemplates(store, {
    siteUrl: config.url,
    timezone: config.timezone,
    language: config.language,
    globals: { site: siteView(config, collections, views), bds: { version: BDS_VERSION } },
  })
  for (const view of views.values()) withSummary(view, templates)
  return {
    collections,
    views,
    templates,
    lists: listSpecs(collections, config.title, config.language),
  }
}
