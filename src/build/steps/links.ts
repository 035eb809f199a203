// The links step: old-style bDS links in rendered bodies (`/post/slug`, `/posts/…`,
// `/YYYY/M/D/slug`, `/media/YYYY/MM/OriginalName.jpg`) become the canonical URLs of the tree
// (render/links.ts, after bDS's rewriteRenderedHtmlUrls); a link that names nothing stays and
// is a warning at its file and line. Under a base path every root-relative link in a body
// (Markdown written for `/`, macro HTML) goes under it too. A body without such a link is
// passed on untouched.

import type { MediaItem, Post, PostMeta } from '../../content/index.js'
import { BdsError } from '../../errors/index.js'
import {
  buildLinkMaps,
  type LinkMaps,
  lineOfLink,
  type RenderedBody,
  rewriteLinks,
} from '../../render/index.js'
import type { SiteIndex } from '../../site/index.js'
import { hashText } from '../../util/hash.js'

const CANDIDATE = /\b(?:href|src)=["']\/?(?:posts?\/|media\/|\d{4}\/\d)/i
/** Under a base path every root-relative link is rewritten. */
const ROOTED = /\b(?:href|src)=["']\/(?!\/)/i

/** What a tree's rewriting depends on: every post's slug and URL, the media files, the base path. */
export interface LinkContext {
  maps: () => Promise<LinkMaps>
  key: string
  /** The site's base path ('' or `/project`). */
  base: string
}

export function linkContext(index: SiteIndex, media: () => Promise<MediaItem[]>): LinkContext {
  const { base } = index.tree
  const posts = index.posts.map((p) => ({ slug: p.slug, url: index.urls.get(p) as string }))
  let maps: Promise<LinkMaps> | undefined
  return {
    base,
    key: hashText(`${base}\n${posts.map((p) => `${p.slug} ${p.url}`).join('\n')}`),
    maps: () => {
      maps ??= media().then((items) => buildLinkMaps(posts, items))
      return maps
    },
  }
}

/** Rewritten bodies, remembered per body and context, so an unchanged body keeps its object. */
export type LinkMemo = WeakMap<
  RenderedBody,
  { key: string; body: RenderedBody; warnings: BdsError[] }
>

function warnings(post: Post | PostMeta, body: string, urls: string[]): BdsError[] {
  return urls.map((url) => {
    const line = lineOfLink(body, url, post.bodyLine) ?? post.bodyLine
    const message = `The link ${url} names no published post or media file; it was left as written.`
    return new BdsError('BDS_LINK_UNRESOLVED', message, {
      pos: { file: post.file, line, column: 1 },
      severity: 'warning',
    })
  })
}

export async function rewriteBodies(
  posts: readonly Post[],
  bodies: ReadonlyMap<string, RenderedBody>,
  context: LinkContext,
  memo: LinkMemo,
): Promise<{ bodies: Map<string, RenderedBody>; diagnostics: BdsError[] }> {
  const out = new Map<string, RenderedBody>()
  const diagnostics: BdsError[] = []
  for (const post of posts) {
    const body = bodies.get(post.file) as RenderedBody
    const candidate = context.base ? ROOTED : CANDIDATE
    if (!candidate.test(body.html)) {
      out.set(post.file, body)
      continue
    }
    let known = memo.get(body)
    if (known?.key !== context.key) {
      const maps = await context.maps()
      const html = rewriteLinks(body.html, maps, context.base)
      const excerpt = rewriteLinks(body.excerpt, maps, context.base).html
      const same = html.html === body.html && excerpt === body.excerpt
      const urls = [...new Set(html.unresolved.map((u) => u.url))]
      known = {
        key: context.key,
        body: same ? body : { html: html.html, excerpt },
        warnings: warnings(post, post.body, urls),
      }
      memo.set(body, known)
    }
    out.set(post.file, known.body)
    diagnostics.push(...known.warnings)
  }
  return { bodies: out, diagnostics }
}

/** The same warning from two trees (an untranslated post's link) is reported once. */
export function uniqueByPosition(list: BdsError[]): BdsError[] {
  const seen = new Set<string>()
  return list.filter((d) => {
    const key = `${d.code}|${d.pos?.file}|${d.pos?.line}|${d.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
