// decorateImages: the <img> tags of a rendered page as a browser wants them — width and height
// from the file (no layout shift), loading="lazy" after the first image, decoding="async", and
// for images with resized variants a <picture> with a WebP source and srcset/sizes. Attributes
// already written are kept; images inside a <picture> keep their own sources.

import { escapeHtml } from '../util/html.js'
import { besideUrl, findImage, type ImageInfo, type ImageTable, pageUrl } from './image-table.js'

/** What an image spans in the bundled theme: the text column, or the whole screen below it. */
export const DEFAULT_SIZES = '(max-width: 45rem) 100vw, 45rem'

const TAGS = /<(\/?)picture\b[^>]*>|<img\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi
const ATTR = /\s([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g
const ENTITIES: Record<string, string> = { amp: '&', quot: '"', '#39': "'", lt: '<', gt: '>' }

function attributes(tag: string): Map<string, string> {
  const attrs = new Map<string, string>()
  const inner = tag.replace(/^<img\b/i, ' ').replace(/\/?>$/, '')
  for (const m of inner.matchAll(ATTR)) {
    const value = m[2] ?? m[3] ?? m[4] ?? ''
    const name = (m[1] as string).toLowerCase()
    if (!attrs.has(name))
      attrs.set(
        name,
        value.replace(/&(amp|quot|#39|lt|gt);/g, (_e, k: string) => ENTITIES[k] ?? ''),
      )
  }
  return attrs
}

interface Family {
  original: string
  info: ImageInfo
}

function srcsets(src: string, path: string, family: Family) {
  const { info } = family
  const own = family.original === path ? src : besideUrl(src, family.original)
  const list = (pick: (v: NonNullable<ImageInfo['variants']>[number]) => string | undefined) =>
    (info.variants ?? [])
      .map((v) => [pick(v), v.width] as const)
      .filter((c): c is readonly [string, number] => c[0] !== undefined)
      .map(([p, w]) => `${besideUrl(src, p)} ${w}w`)
  const webp = [...list((v) => v.webp), `${own} ${info.width}w`].join(', ')
  const same = info.variants?.every((v) => v.path === undefined)
  const img = same ? undefined : [...list((v) => v.path), `${own} ${info.width}w`].join(', ')
  return { webp, img }
}

/** The page's HTML with its <img> tags completed; `path` is the page's output path. */
export function decorateImages(html: string, path: string, table: ImageTable): string {
  if (!/<img\b/i.test(html)) return html
  const page = pageUrl(path)
  let first = true
  let inPicture = 0
  return html.replace(TAGS, (tag: string, close: string | undefined) => {
    if (tag[1] !== 'i' && tag[1] !== 'I') {
      inPicture = Math.max(0, inPicture + (close ? -1 : 1))
      return tag
    }
    const attrs = attributes(tag)
    const add: string[] = []
    const src = attrs.get('src')
    const found = src ? findImage(table, src, page) : undefined
    if (found) {
      const { width, height } = found.info
      const w = Number(attrs.get('width'))
      const h = Number(attrs.get('height'))
      if (!attrs.has('width') && !attrs.has('height'))
        add.push(`width="${width}"`, `height="${height}"`)
      else if (!attrs.has('height') && w > 0)
        add.push(`height="${Math.round((w * height) / width)}"`)
      else if (!attrs.has('width') && h > 0) add.push(`width="${Math.round((h * width) / height)}"`)
    }
    if (!first && !attrs.has('loading')) add.push('loading="lazy"')
    if (!attrs.has('decoding')) add.push('decoding="async"')
    first = false
    const original = found?.info.of ?? found?.path
    const family = original ? table.entries.get(original) : undefined
    const sizesAttr = attrs.get('sizes') ?? DEFAULT_SIZES
    let source = ''
    if (src && found && family?.variants?.length && !attrs.has('srcset') && inPicture === 0) {
      const sets = srcsets(src, found.path, { original: original as string, info: family })
      if (!attrs.has('sizes')) add.push(`sizes="${escapeHtml(sizesAttr)}"`)
      if (sets.img) {
        add.push(`srcset="${escapeHtml(sets.img)}"`)
        source = `<source type="image/webp" srcset="${escapeHtml(sets.webp)}" sizes="${escapeHtml(sizesAttr)}">`
      } else add.push(`srcset="${escapeHtml(sets.webp)}"`)
    }
    const done = add.length
      ? tag.replace(/\s*(\/?)>$/, (_m, slash: string) => ` ${add.join(' ')}${slash ? ' /' : ''}>`)
      : tag
    return source ? `<picture>${source}${done}</picture>` : done
  })
}
