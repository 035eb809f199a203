// Image helpers for gallery and photo_archive: which media items are images, their bDS
// title and alt fallbacks, the lightbox link markup, and newest-first order.

import { withBase } from '../../util/base-path.js'
import { escapeHtml } from '../../util/html.js'
import type { MediaItem } from '../types.js'

const imageExtensions = new Set(['jpg', 'jpeg', 'png', 'gif', 'webp', 'svg', 'bmp', 'avif'])

/** The file name at the end of the item's URL, decoded. */
export function fileName(item: MediaItem): string {
  const last =
    item.url
      .replace(/[?#].*$/, '')
      .split('/')
      .pop() ?? ''
  try {
    return decodeURIComponent(last)
  } catch {
    return last
  }
}

/** bDS `isRenderableImage`: an image mime type or an image file extension. */
export function isImage(item: MediaItem): boolean {
  if (item.mimeType?.toLowerCase().startsWith('image/')) return true
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName(item))?.[1]?.toLowerCase()
  return ext !== undefined && imageExtensions.has(ext)
}

/** Newest `createdAt` first, undated last; stable. */
export function newestFirst(items: readonly MediaItem[]): MediaItem[] {
  const time = (item: MediaItem) => item.createdAt?.getTime() ?? Number.NEGATIVE_INFINITY
  return [...items].sort((a, b) => (time(a) === time(b) ? 0 : time(a) > time(b) ? -1 : 1))
}

/**
 * `a.{className}` to the full image, grouped for the lightbox, around a lazy thumbnail; the
 * image's URL under the site's base path.
 */
export function renderImageLink(
  item: MediaItem,
  className: string,
  group: string,
  base: string,
): string {
  const name = fileName(item)
  const title = item.caption || item.title || item.originalName || name
  const alt = item.alt || item.title || item.originalName || name
  const url = escapeHtml(withBase(item.url, base))
  return (
    `<a class="${className}" href="${url}" data-lightbox="${escapeHtml(group)}"` +
    ` data-title="${escapeHtml(title)}"><img src="${url}" alt="${escapeHtml(alt)}"` +
    ' loading="lazy"></a>'
  )
}
