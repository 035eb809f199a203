// loadMedia: the site's media items, newest first — bDS `.meta` sidecars under media/ (each
// describes the file beside it, read as bDS's MediaEngine.readSidecarFile reads it) and
// `images:` in post front matter. Bad entries warn.

import { join, relative, sep } from 'node:path'
import { BdsError, type SourcePos } from '../errors/index.js'
import type { Fs } from '../util/fs.js'
import { parseDate } from '../util/time.js'
import { parseSidecar, type SidecarData } from './sidecar.js'
import type { MediaItem, PostMeta } from './types.js'

export interface MediaResult {
  items: MediaItem[]
  diagnostics: BdsError[]
}

type Data = Record<string, unknown>
type Code = 'BDS_MEDIA_SIDECAR' | 'BDS_FRONTMATTER_INVALID'
type Warn = (message: string, pos: SourcePos, code?: Code) => void

const text = (v: unknown) =>
  typeof v === 'string' || typeof v === 'number' ? String(v).trim() || undefined : undefined
const isMapping = (v: unknown): v is Data => !!v && typeof v === 'object' && !Array.isArray(v)
const sidecarKeys = ['id', 'mimeType', 'title', 'alt', 'caption', 'originalName'] as const
const at = (file: string, line = 1, column = 1): SourcePos => ({ file, line, column })

function decode(url: string): string {
  try {
    return decodeURI(url)
  } catch {
    return url
  }
}

function sidecarItem(d: SidecarData, url: string, file: string, meta: string, warn: Warn) {
  const created = text(d.createdAt)
  const createdAt = created === undefined ? undefined : parseDate(created, 'UTC')
  if (created && !createdAt) warn(`The createdAt of ${meta} is not a date: "${created}".`, at(meta))
  const fields = Object.fromEntries(sidecarKeys.map((k) => [k, text(d[k])]))
  const tags = d.tags.length ? { tags: d.tags } : {}
  const item = { url, file, ...fields, ...tags, linkedPostIds: d.linkedPostIds, createdAt }
  return item as MediaItem
}

/** `/media/x.png` or `media/x.png` → `/media/x.png`; http(s) URLs stay; other schemes fail. */
function imageUrl(src: unknown): string | undefined {
  const s = text(src)
  if (!s || /^(https?:)?\/\//i.test(s)) return s
  return /^[a-z][a-z0-9+.-]*:/i.test(s) ? undefined : `/${s.replace(/^(\.?\/)+/, '')}`
}

/** Front matter `images:` (paths or {src, alt, title, caption}) as items linked to the post. */
function frontMatterImages(post: PostMeta, warn: Warn): MediaItem[] {
  const images = post.data.images
  if (images === undefined) return []
  const pos = at(post.file, post.keyLines.get('images'))
  const list = Array.isArray(images) ? images : [images]
  return list.flatMap((entry, i): MediaItem[] => {
    const d: Data = isMapping(entry) ? entry : { src: entry }
    const url = imageUrl(d.src)
    if (!url) {
      warn(`images[${i}] is not an image path such as /media/photo.png; it was ignored.`, pos)
      return []
    }
    const fields = { title: text(d.title), alt: text(d.alt), caption: text(d.caption) }
    const createdAt = post.dated ? post.date : undefined
    return [{ url, file: post.file, ...fields, linkedPostIds: [post.id], createdAt }]
  })
}

/** Media items of the site (newest `createdAt` first, undated last) and warnings for bad ones. */
export async function loadMedia(root: string, media: string, posts: PostMeta[], fs: Fs) {
  const diagnostics: BdsError[] = []
  const warn: Warn = (message, pos, code = 'BDS_FRONTMATTER_INVALID') =>
    diagnostics.push(new BdsError(code, message, { pos, severity: 'warning' }))
  const files = await fs.walk(media)
  const present = new Set(files)
  const base = relative(root, media).split(sep).join('/')
  const inSite = (f: string) => (base ? `${base}/${f}` : f)
  const items = new Map<string, MediaItem>()
  for (const sidecar of files.filter((f) => f.endsWith('.meta'))) {
    const target = sidecar.slice(0, -'.meta'.length)
    const meta = inSite(sidecar)
    if (!present.has(target)) {
      warn(`The media sidecar ${meta} describes ${target}, which is missing.`, at(meta))
      continue
    }
    const parsed = parseSidecar(await fs.readText(join(media, sidecar)))
    for (const p of parsed.problems) {
      warn(`The media sidecar ${meta} ${p.message}.`, at(meta, p.line), 'BDS_MEDIA_SIDECAR')
    }
    const url = `/media/${target.split('/').map(encodeURIComponent).join('/')}`
    items.set(decode(url), sidecarItem(parsed.data, url, inSite(target), meta, warn))
  }
  for (const post of posts) {
    for (const image of frontMatterImages(post, warn)) {
      const known = items.get(decode(image.url))
      if (!known) items.set(decode(image.url), image)
      else if (!known.linkedPostIds.includes(post.id)) known.linkedPostIds.push(post.id)
    }
  }
  const time = (m: MediaItem) => m.createdAt?.getTime() ?? Number.NEGATIVE_INFINITY
  const newestFirst = (a: MediaItem, b: MediaItem) => time(b) - time(a) || 0
  return { items: [...items.values()].sort(newestFirst), diagnostics } satisfies MediaResult
}
