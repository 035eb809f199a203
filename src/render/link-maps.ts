// The maps rewriteLinks needs, built as bDS builds them (rfc1437/bDS GenerationRouteRenderer
// Factory.ts htmlRewriteContextPromise): posts by slug, media by `media/YYYY/MM/` plus the
// stored and the original file name, lower-cased; and where a link sits in a Markdown file.

import type { LinkMaps } from './links.js'

export interface MediaSource {
  /** URL path of the file in the output, e.g. `/media/2025/05/3b94f5d1.jpg`. */
  url: string
  /** bDS `originalName` from the sidecar, when there is one. */
  originalName?: string
}

const lower = (s: string) => s.toLowerCase()

/** Builds the maps; `posts` are every rendered post with its canonical URL. */
export function buildLinkMaps(
  posts: readonly { slug: string; url: string }[],
  media: readonly MediaSource[],
): LinkMaps {
  const postUrlBySlug = new Map<string, string>()
  for (const p of posts) postUrlBySlug.set(p.slug, p.url)
  const mediaUrlBySource = new Map<string, string>()
  for (const m of media) {
    const path = m.url.replace(/^\//, '')
    let stored = path
    try {
      stored = decodeURI(path)
    } catch {}
    mediaUrlBySource.set(lower(stored), m.url)
    const folder = /^(media\/\d{4}\/\d{2})\/[^/]+$/.exec(stored)?.[1]
    if (folder && m.originalName) mediaUrlBySource.set(lower(`${folder}/${m.originalName}`), m.url)
  }
  return { postUrlBySlug, mediaUrlBySource }
}

/** 1-based line of the first occurrence of `url` in `body`, offset by `bodyLine`; else undefined. */
export function lineOfLink(body: string, url: string, bodyLine: number): number | undefined {
  const at = body.indexOf(url)
  if (at === -1) return undefined
  let line = bodyLine
  for (let i = body.indexOf('\n'); i !== -1 && i < at; i = body.indexOf('\n', i + 1)) line++
  return line
}
