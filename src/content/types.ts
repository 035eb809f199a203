// The content model: a Post is one post or standalone page after front matter is read,
// validated and normalised (dates in the site timezone, slug, tags, status).

export type PostKind = 'post' | 'page'
export type PostStatus = 'published' | 'draft' | 'archived'

export interface Post {
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
  /** Front matter excerpt, plain text. */
  excerpt?: string
  author: string
  language: string
  template?: string
  body: string
  /** 1-based file line where the Markdown body starts. */
  bodyLine: number
  data: Record<string, unknown>
  /** 1-based line of each top-level front matter key, for diagnostics. */
  keyLines: Map<string, number>
}
