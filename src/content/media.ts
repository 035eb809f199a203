// loadMedia: the site's media items, newest first — bDS `.meta` sidecars under media/ (each
// describes the file beside it) and `images:` in post front matter. Bad entries warn.

import { join, relative, sep } from 'node:path'
import yaml from 'js-yaml'
import { BdsError, type SourcePos } from '../errors/index.js'
import type { Fs } from '../util/fs.js'
import { parseDate } from '../util/time.js'
import type { MediaItem, PostMeta } from './types.js'

export interface MediaResult {
  items: MediaItem[]
  diagnostics: BdsError[]
}

type Data = Record<string, unknown>
type Code = 'BDS_FRONTMATTER_YAML' | 'BDS_FRONTMATTER_INVALID'
type Warn = (message: string, pos: SourcePos, code?: Code) => void

const text = (v: unknown) =>
  typeof v === 'string' || typeof v === 'number' ? String(v).trim() || undefined : undefined
const texts = (v: unknown) => (Array.isArray(v) ? v : [v]).flatMap((x) => text(x) ?? [])
const isMapping = (v: unknown): v is Data => !!v && typeof v === 'object' && !Array.isArray(v)
const sidecarKeys = ['mimeType', 'title', 'alt', 'caption', 'originalName'] as const
const at = (file: string, line = 1, column = 1): SourcePos => ({ file, line, column })

function decode(url: string): string {
  try {
    return decodeURI(url)
  } catch {
    return url
  }
}

/** A sidecar as `key: value` data (YAML core schema: dates stay text); undefined when broken. */
function parseSidecar(source: string, meta: string, warn: Warn): Data | undefined {
  try {
    const data: unknown = yaml.load(source, { schema: yaml.CORE_SCHEMA }) ?? {}
    if (isMapping(data)) return data
    warn(`The media sidecar ${meta} holds no \`key: value\` lines; it was skipped.`, at(meta))
  } catch (error) {
    const { mark, reason } = error as { mark?: { line: number; column: number }; reason?: string }
    const pos = at(meta, (mark?.line ?? 0) + 1, (mark?.column ?? 0) + 1)
    warn(`The media sidecar ${meta} is not valid YAML: ${reason}.`, pos, 'BDS_FRONTMATTER_YAML')
  }
  return undefined
}

function sidecarItem(d: Data, url: string, file: string, meta: string, warn: Warn): MediaItem {
  const created = text(d.createdAt)
  const createdAt = created === undefined ? undefined : parseDate(created, 'UTC')
  if (created && !createdAt) warn(`The createdAt of ${meta} is not a date: "${created}".`, at(meta))
  const fields = Object.fromEntries(sidecarKeys.map((k) => [k, text(d[k])]))
  return { url, file, ...fields, linkedPostIds: texts(d.linkedPostIds), createdAt } as MediaItem
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
    const data = parseSidecar(await fs.readText(join(media, sidecar)), meta, warn)
    const url = `/media/${target.split('/').map(encodeURIComponent).join('/')}`
    if (data) items.set(decode(url), sidecarItem(data, url, inSite(target), meta, warn))
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
