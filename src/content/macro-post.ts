// The `post` a bDS Python macro receives: exactly the keys of bDS's serializePostDataForMacro
// (rfc1437/bDS src/main/engine/PageRenderer.ts) with bDS's values — as written in the file,
// `author` null when the file has none (no default author filled in).

import type { Post } from './types.js'

export interface MacroPostData {
  id: string
  projectId: string
  title: string
  slug: string
  excerpt: string | null
  /** The raw Markdown body, macro tokens included. */
  content: string
  status: Post['status']
  author: string | null
  createdAt: string
  updatedAt: string
  publishedAt: string | null
  tags: string[]
  categories: string[]
}

const strings = (value: unknown, fallback: string[]) =>
  Array.isArray(value) ? value.map((v) => String(v).trim()).filter(Boolean) : fallback

/**
 * bDS's post dict for a macro. `projectId` is the file's `projectId` (older bDS files carry
 * one), else `projectId` given (bDS's current project id; `default` when it has none).
 */
export function macroPostData(post: Post, projectId = 'default'): MacroPostData {
  const d = post.data
  return {
    id: post.id,
    projectId: typeof d.projectId === 'string' && d.projectId ? d.projectId : projectId,
    title: post.untitled ? (typeof d.title === 'string' ? d.title : '') : post.title,
    slug: post.slug,
    excerpt: post.excerpt ?? null,
    content: post.body,
    status: post.status,
    author: typeof d.author === 'string' ? d.author : null,
    createdAt: post.date.toISOString(),
    updatedAt: post.updated.toISOString(),
    publishedAt: post.published?.toISOString() ?? null,
    // bds drops `page` from a page's categories; bDS passes them as the file has them.
    tags: strings(d.tags, post.tags),
    categories: strings(d.categories, post.categories),
  }
}
