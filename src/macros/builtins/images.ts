// Image helpers for gallery and photo_archive: which media items are images, their bDS
// title and alt fallbacks, the lightbox link markup, and newest-first order.

import { withBase } from '../../util/base-path.js'
import { escapeHtml } from '../../util/html.js'
import type { ImageLookup, MediaItem } from '../types.js'

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

/** How wide a thumbnail shows, for `sizes`: a share of the text column (45rem, as the theme). */
export const thumbSizes = (columns: number) =>
  `(max-width: 45rem) ${Math.round(100 / columns)}vw, ${Math.round((45 / columns) * 10) / 10}rem`

/**
 * `a.{className}` to the image (its large variant when there is one), grouped for the
 * lightbox, around a thumbnail (its small variant, with the size it is shown at); URLs
 * under the site's base path.
 */
export function renderImageLink(
  item: MediaItem,
  className: string,
  group: string,
  base: string,
  images?: ImageLookup,
  columns = 3,
): string {
  const name = fileName(item)
  const title = item.caption || item.title || item.originalName || name
  const alt = item.alt || item.title || item.originalName || name
  const large = images?.variant(item.url, 'large')
  const small = images?.variant(item.url, 'small')
  const thumb = small
    ? `<img src="${escapeHtml(withBase(small.url, base))}" alt="${escapeHtml(alt)}" width="${small.width}" height="${small.height}" sizes="${thumbSizes(columns)}">`
    : `<img src="${escapeHtml(withBase(item.url, base))}" alt="${escapeHtml(alt)}">`
  return (
    `<a class="${className}" href="${escapeHtml(withBase(large?.url ?? item.url, base))}"` +
    ` data-lightbox="${escapeHtml(group)}" data-title="${escapeHtml(title)}">${thumb}</a>`
  )
}
