// The content model: a Post is one post or standalone page after front matter is read,
// validated and normalised (dates in the site timezone, slug, tags, status); PostMeta is a
// post without its body (what lists, indexes and other threads need); MediaItem is a media file.

export type PostKind = 'post' | 'page'
export type PostStatus = 'published' | 'draft' | 'archived'

export interface PostMeta {
  kind: PostKind
  /** Source file relative to the site root, `/`-separated. */
  file: string
  id: string
  /** The front matter title, or the first words of the text when it has none. */
  title: string
  /** True when front matter gave no title (bDS asides): themes may hide the heading. */
  untitled: boolean
  slug: string
  status: PostStatus
  date: Date
  updated: Date
  published?: Date
  /** False for pages without a date in front matter: they get no date-based data. */
  dated: boolean
  tags: string[]
  categories: string[]
  /** Terms of the config's custom taxonomies, by taxonomy (only those the post has). */
  taxonomies?: Readonly<Record<string, string[]>>
  /** Front matter excerpt, plain text. */
  excerpt?: string
  author: string
  language: string
  template?: string
  /** 1-based file line where the Markdown body starts. */
  bodyLine: number
  data: Record<string, unknown>
  /** 1-based line of each top-level front matter key, for diagnostics. */
  keyLines: Map<string, number>
}

/** A post with its Markdown body. */
export interface Post extends PostMeta {
  body: string
}

/** An image (or other media file) of the site, from a bDS `.meta` sidecar or front matter. */
export interface MediaItem {
  /** URL path in the output, e.g. `/media/2024/10/sunrise.png`. */
  url: string
  /** Source file relative to the site root (the media file, or the post for front matter images). */
  file: string
  /** bDS media id (sidecar `id`), when the item comes from a sidecar. */
  id?: string
  mimeType?: string
  title?: string
  alt?: string
  caption?: string
  originalName?: string
  /** Media tags (sidecar `tags`), when it has any. */
  tags?: string[]
  /** Ids of the posts this media item belongs to (bDS `linkedPostIds`). */
  linkedPostIds: string[]
  createdAt?: Date
}

/** The post without its body (what crosses to another thread). */
export function metaOf(post: PostMeta): PostMeta {
  const { body: _body, ...meta } = post as PostMeta & { body?: string }
  return meta
}
