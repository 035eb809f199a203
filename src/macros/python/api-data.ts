// What bDS's `bds_api` module answers from (src/python/py/bds_api.py documents the shape):
// the project settings, every post with bDS's post data (rfc1437/bDS PostData, via
// content/macro-post.ts), media from the sidecars, meta/tags.json and meta/categories.json.

import type { ResolvedConfig } from '../../config/index.js'
import {
  type BdsMeta,
  type MediaResult,
  macroPostData,
  type Post,
  postLanguage,
} from '../../content/index.js'
import type { SiteIndex } from '../../site/index.js'

export interface PythonSite {
  /** The main tree's index. */
  index: SiteIndex
  media: () => Promise<MediaResult>
  meta: BdsMeta
}

const iso = (d?: Date) => d?.toISOString() ?? null

export async function apiData(
  config: ResolvedConfig,
  site: PythonSite,
): Promise<Record<string, unknown>> {
  const languages = [config.language, ...config.languages]
  const posts = site.index.posts.map((p) => ({
    ...macroPostData(p as Post),
    language: postLanguage(p as Post, config.language),
    availableLanguages: languages,
    url: site.index.urls.get(p),
  }))
  const media = (await site.media()).items
    .filter((m) => m.id !== undefined)
    .map((m) => ({
      id: m.id,
      projectId: 'default',
      filename: m.url.split('/').pop(),
      originalName: m.originalName ?? null,
      mimeType: m.mimeType ?? null,
      title: m.title ?? null,
      alt: m.alt ?? null,
      caption: m.caption ?? null,
      createdAt: iso(m.createdAt),
      tags: m.tags ?? [],
      path: m.url.replace(/^\//, ''),
    }))
  return {
    project: {
      id: 'default',
      name: config.title,
      description: config.description,
      publicUrl: config.origin + config.basePath || config.url,
      mainLanguage: config.language,
      defaultAuthor: config.author,
      maxPostsPerPage: config.postsPerPage,
      blogLanguages: languages,
    },
    posts,
    media,
    tags: site.meta.tags.map((t) => ({ id: t.name, ...t })),
    categories: site.meta.categories,
  }
}
