// The image table: every local image of the output by path — its size and, for raster images
// with resized variants, the variants beside it (`photo.400w.jpg`, `photo.400w.webp`). Pure:
// how a variant is named and sized, and which table entry an <img src> names.

/** A resized copy of an image, in the original's folder. */
export interface ImageVariant {
  width: number
  height: number
  /** Output path in the original's format, or undefined for a WebP original. */
  path?: string
  /** Output path of the WebP copy. */
  webp: string
  /** The size name (`small`) it was made for. */
  name: string
}

export interface ImageInfo {
  width: number
  height: number
  /** An original's variants, smallest first. */
  variants?: ImageVariant[]
  /** A variant's original (output path). */
  of?: string
}

export interface ImageTable {
  /** Output path (decoded, no leading slash) → what the file is. */
  entries: Map<string, ImageInfo>
  /** The site's base URL (no trailing slash): `src` below it is local. */
  site: string
}

/** Formats with variants in their own format (besides WebP). */
export const RESIZED_FORMATS: Readonly<Record<string, string>> = {
  jpg: 'jpeg',
  jpeg: 'jpeg',
  png: 'png',
  webp: 'webp',
}

/** `media/a/photo.jpg`, 400 → `media/a/photo.400w.jpg` (or `.webp`). */
export function variantPath(path: string, width: number, ext?: string): string {
  const dot = path.lastIndexOf('.')
  return `${path.slice(0, dot)}.${width}w.${ext ?? path.slice(dot + 1)}`
}

/** The variant sizes of a `width`×`height` image: each box (longest side) smaller than it, once. */
export function variantSizes(
  width: number,
  height: number,
  boxes: Readonly<Record<string, number>>,
): { name: string; width: number; height: number }[] {
  const out: { name: string; width: number; height: number }[] = []
  const sorted = Object.entries(boxes).sort((a, b) => a[1] - b[1])
  for (const [name, box] of sorted) {
    const scale = Math.min(box / width, box / height)
    if (scale >= 1) break
    const size = { name, width: Math.max(1, Math.round(width * scale)) }
    if (out.some((v) => v.width === size.width)) continue
    out.push({ ...size, height: Math.max(1, Math.round(height * scale)) })
  }
  return out
}

/** The variants of the image at `path` (a raster original), none for other formats. */
export function planVariants(
  path: string,
  info: ImageInfo,
  boxes: Readonly<Record<string, number>>,
) {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase()
  if (!RESIZED_FORMATS[ext]) return []
  return variantSizes(info.width, info.height, boxes).map(
    (v): ImageVariant => ({
      ...v,
      path: ext === 'webp' ? undefined : variantPath(path, v.width),
      webp: variantPath(path, v.width, 'webp'),
    }),
  )
}

/** `src` with its file name swapped for that of `file` (an output path in the same folder). */
export function besideUrl(src: string, file: string): string {
  const bare = src.replace(/[?#].*$/, '')
  const name = encodeURIComponent(file.slice(file.lastIndexOf('/') + 1))
  return bare.slice(0, bare.lastIndexOf('/') + 1) + name
}

/** The variant of the image at `url` by size name, else the smallest or largest one. */
export function pickVariant(table: ImageTable, url: string, size: 'small' | 'large') {
  const found = findImage(table, url, '/')
  const variants = found?.info.variants
  if (!variants?.length) return undefined
  const v =
    variants.find((x) => x.name === size) ?? (size === 'small' ? variants[0] : variants.at(-1))
  return v && { url: besideUrl(url, v.path ?? v.webp), width: v.width, height: v.height }
}

const ORIGIN = 'http://bds.invalid'

/** The URL path a page file is served at: `a/index.html` → `/a/`. */
export function pageUrl(path: string): string {
  return `/${path.replace(/(^|\/)index\.html$/, '$1')}`
}

/** The table entry `src` names from a page at `page` (a URL path), with its output path. */
export function findImage(table: ImageTable, src: string, page: string) {
  let url: URL
  try {
    const local = src.startsWith(`${table.site}/`) ? src.slice(table.site.length) : src
    url = new URL(local, `${ORIGIN}${page}`)
  } catch {
    return undefined
  }
  if (url.origin !== ORIGIN) return undefined
  let path: string
  try {
    path = decodeURIComponent(url.pathname).slice(1)
  } catch {
    return undefined
  }
  const base = new URL(`${table.site}/`, ORIGIN).pathname.slice(1)
  const info =
    table.entries.get(path) ??
    (base && path.startsWith(base) ? table.entries.get(path.slice(base.length)) : undefined)
  return info && { info, path: table.entries.has(path) ? path : path.slice(base.length) }
}
