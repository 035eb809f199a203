// The post file of an ingested bookmark: bDS front matter (id, title, slug, status,
// createdAt, updatedAt, tags, categories) plus source_url and the transforms' extra keys,
// under posts/YYYY/MM/ of its date in the site timezone.

import { randomUUID } from 'node:crypto'
import { postFolder, renderPostFile } from '../content/index.js'
import { slugify } from '../util/slug.js'
import { isoUtc, parseDate } from '../util/time.js'
import type { IngestPost } from './types.js'

/** Slugs longer than this are cut at a hyphen, so file names stay well under 255 bytes. */
export const MAX_SLUG = 80

export interface PostFileMeta {
  url: string
  status: 'draft' | 'published'
  now: Date
  timezone: string
  /** Default: a new UUID, as bDS writes. */
  id?: string
}

export interface PlannedPost {
  /** posts/YYYY/MM */
  folder: string
  /** The slug wanted; the writer may add -2, -3 … */
  slug: string
  render(slug: string): string
}

function shorten(slug: string): string {
  const points = Array.from(slug)
  if (points.length <= MAX_SLUG) return slug
  const head = points.slice(0, MAX_SLUG + 1).join('')
  const at = head.lastIndexOf('-')
  const kept = at > MAX_SLUG / 2 ? head.slice(0, at) : points.slice(0, MAX_SLUG).join('')
  return kept.replace(/-+$/, '')
}

export function planPostFile(post: IngestPost, meta: PostFileMeta): PlannedPost {
  const date = (post.date && parseDate(post.date, meta.timezone)) || meta.now
  const host = slugify(new URL(meta.url).hostname)
  const slug = shorten(slugify(post.slug ?? post.title) || host || 'bookmark')
  const id = meta.id ?? randomUUID()
  const stamp = isoUtc(date)
  return {
    folder: postFolder(date, meta.timezone),
    slug,
    render: (finalSlug) =>
      renderPostFile(
        {
          id,
          title: post.title,
          slug: finalSlug,
          status: meta.status,
          createdAt: stamp,
          updatedAt: stamp,
          tags: post.tags,
          categories: post.categories,
          source_url: meta.url,
          ...post.extra,
        },
        post.content,
      ),
  }
}
