// rewriteLinks: old-style post and media links in rendered HTML → canonical URLs, as bDS's
// rewriteRenderedHtmlUrls / normalizePreviewHref / normalizePreviewSrc do (rfc1437/bDS
// src/main/engine/PageRenderer.ts, tests/engine/PageRenderer.rewrite.test.ts). Pure.

import { withBase } from '../util/base-path.js'

export interface LinkMaps {
  /** Post slug → its canonical URL (e.g. `/2025/03/02/hallo-welt/`). */
  postUrlBySlug: ReadonlyMap<string, string>
  /** Lower-cased `media/YYYY/MM/name` (stored or original file name) → canonical URL. */
  mediaUrlBySource: ReadonlyMap<string, string>
}

export type LinkKind = 'post' | 'date' | 'media'

export interface UnresolvedLink {
  /** The attribute value as written. */
  url: string
  kind: LinkKind
  /** Offset of the value in the HTML given to rewriteLinks. */
  offset: number
}

export interface RewriteResult {
  html: string
  unresolved: UnresolvedLink[]
}

const slug = '([a-z0-9-]+)'
const datePath = new RegExp(`^/(\\d{4})/(\\d{1,2})/(\\d{1,2})/${slug}(?:\\.html?)?$`, 'i')
const postPaths = [
  new RegExp(`^/?posts?/${slug}(?:\\.html?)?$`, 'i'),
  new RegExp(`^/?posts?/\\d{4}/\\d{1,2}/${slug}(?:\\.html?)?$`, 'i'),
]
const mediaPath = /^\/?media\/(\d{4})\/(\d{2})\/(\S+)$/i

/** bDS isExternalOrSpecialUrl: `#…`, `//…` and `scheme:…` are never touched. */
export const isExternalOrSpecial = (url: string): boolean =>
  /^(#|\/\/|[a-z][a-z0-9+.-]*:)/i.test(url.trim())

function decoded(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** The canonical media URL for `media/YYYY/MM/name`, raw or percent-decoded, any case. */
function mediaUrl(maps: LinkMaps, y: string, m: string, name: string): string | undefined {
  const key = `media/${y}/${m}/${name}`.toLowerCase()
  return maps.mediaUrlBySource.get(key) ?? maps.mediaUrlBySource.get(decoded(key))
}

type Resolved = { url: string } | { unresolved: LinkKind } | undefined

/** One URL: its replacement, or the kind of old-style link that named nothing, or undefined. */
export function resolveLink(raw: string, maps: LinkMaps, attribute: 'href' | 'src'): Resolved {
  if (!raw || isExternalOrSpecial(raw)) return undefined
  const trimmed = raw.trim()
  const cut = trimmed.search(/[?#]/)
  const path = cut === -1 ? trimmed : trimmed.slice(0, cut)
  const suffix = cut === -1 ? '' : trimmed.slice(cut)
  const media = mediaPath.exec(path)
  if (media) {
    const url = mediaUrl(maps, media[1] as string, media[2] as string, media[3] as string)
    return url ? { url: url + suffix } : { unresolved: 'media' }
  }
  if (attribute === 'src') return undefined
  const date = datePath.exec(path)
  const post = date ?? postPaths.map((re) => re.exec(path)).find(Boolean)
  if (!post) return undefined
  const name = (post.at(-1) as string).toLowerCase()
  const url = maps.postUrlBySlug.get(post.at(-1) as string) ?? maps.postUrlBySlug.get(name)
  if (url) return { url: url + suffix }
  return { unresolved: date ? 'date' : 'post' }
}

/**
 * Rewrites every `href="…"` and `src="…"` (either quote) that is an old-style bDS link:
 * `/post/slug`, `/posts/slug`, `/post(s)/YYYY/M/slug`, `/YYYY/M/D/slug` (each with an optional
 * `.html`) and `/media/YYYY/MM/name` (`src` only takes media links). Query and fragment are
 * kept; external, `#` and other links are untouched; old-style links that name nothing are
 * left as written and returned with their offsets. With a base path (`/project`), every other
 * root-relative link goes under it too (`/about/` → `/project/about/`): content is written for
 * a site at `/`.
 */
export function rewriteLinks(html: string, maps: LinkMaps, base = ''): RewriteResult {
  const unresolved: UnresolvedLink[] = []
  const out = html.replace(
    /\b(href|src)=(["'])(.*?)\2/gi,
    (whole, attr: string, quote: string, value: string, offset: number) => {
      const kind = attr.toLowerCase() === 'src' ? 'src' : 'href'
      const result = resolveLink(value, maps, kind)
      if (result && 'unresolved' in result) {
        unresolved.push({ url: value, kind: result.unresolved, offset: offset + attr.length + 2 })
        return whole
      }
      const url = withBase(result ? result.url : value, base)
      return url === value ? whole : `${attr}=${quote}${url}${quote}`
    },
  )
  return { html: out, unresolved }
}
