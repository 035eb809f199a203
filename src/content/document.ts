// createPost: front matter + body of one file → a normalised Post, or a BdsError that names
// the key's line. Pure: the caller reads the file and passes the text.

import type { ErrorObject } from 'ajv'
import { BdsError } from '../errors/index.js'
import { slugify } from '../util/slug.js'
import { parseDate } from '../util/time.js'
import { splitFrontMatter } from './front-matter.js'
import { validate } from './front-matter-validator.gen.js'
import type { Post, PostKind, PostStatus } from './types.js'

export interface PostDefaults {
  timezone: string
  author: string
  language: string
  /** The config's custom taxonomies: their front matter keys hold terms. */
  taxonomies?: readonly string[]
}

function describe(error: ErrorObject): { key: string; message: string } {
  const key = error.instancePath.split('/')[1] ?? ''
  const where = error.instancePath.slice(1).replace(/\//g, '.')
  if (error.keyword === 'type' && /^\/(tags|categories)$/.test(error.instancePath)) {
    return { key, message: `"${key}" must be a list, e.g. ${key}: [one, two].` }
  }
  if (error.keyword === 'enum') {
    const allowed = (error.params.allowedValues as string[]).join(', ')
    return { key, message: `"${where}" must be one of: ${allowed}.` }
  }
  return { key, message: `"${where}" ${error.message}.` }
}

/** File name without extension and a leading `YYYY-MM-DD-` date. */
function baseName(file: string): { name: string; date?: string } {
  const name = (file.split('/').pop() ?? file).replace(/\.(md|markdown)$/i, '')
  const m = /^(\d{4}-\d{2}-\d{2})-(.+)$/.exec(name)
  return m ? { name: m[2] as string, date: m[1] } : { name }
}

/** A title for a post without one (bDS asides): the first words of its text. */
function fallbackTitle(body: string, fileName: string): string {
  const words = body
    .replace(/```[\s\S]*?```|<[^>]+>|!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_`~|-]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
  if (words.length === 0) return fileName
  return words.length > 8 ? `${words.slice(0, 8).join(' ')}…` : words.join(' ')
}

/** A taxonomy's terms: one name or a list of names. */
function taxonomyTerms(
  data: Record<string, unknown>,
  names: readonly string[],
  at: (key: string) => { file: string; line: number; column: number },
): Record<string, string[]> | undefined {
  let out: Record<string, string[]> | undefined
  for (const name of names) {
    const value = data[name]
    if (value === undefined || value === null) continue
    const list = Array.isArray(value) ? value : [value]
    if (list.some((v) => typeof v !== 'string' && typeof v !== 'number')) {
      throw new BdsError(
        'BDS_FRONTMATTER_INVALID',
        `"${name}" must be a name or a list of names.`,
        {
          pos: at(name),
          hint: `The taxonomy "${name}" is set in bds.config.json: write ${name}: one, or ${name}: [one, two].`,
        },
      )
    }
    const found = terms(list)
    if (found.length) {
      out ??= {}
      out[name] = found
    }
  }
  return out
}

function terms(value: unknown): string[] {
  if (!Array.isArray(value)) return []
  const seen = new Set<string>()
  for (const v of value) {
    const t = String(v).trim()
    if (t) seen.add(t)
  }
  return [...seen]
}

export function createPost(source: string, file: string, kind: PostKind, d: PostDefaults): Post {
  const split = splitFrontMatter(source, file)
  const data = split.data
  const at = (key: string) => ({ file, line: split.keyLines.get(key) ?? 1, column: 1 })
  if (!validate(data)) {
    const { key, message } = describe(validate.errors?.[0] as ErrorObject)
    throw new BdsError('BDS_FRONTMATTER_INVALID', message, { pos: at(key) })
  }
  const fileName = baseName(file)
  const dateOf = (key: string): Date | undefined => {
    const value = data[key]
    if (value === undefined) return undefined
    const date = parseDate(String(value), d.timezone)
    if (!date) {
      throw new BdsError('BDS_FRONTMATTER_INVALID', `"${key}" is not a date: "${value}".`, {
        pos: at(key),
        hint: 'Write dates as YYYY-MM-DD, optionally followed by a time (HH:MM or HH:MM:SS) and an offset (Z or +01:00).',
      })
    }
    return date
  }
  const categories = terms(data.categories)
  const isPage = kind === 'page' || categories.some((c) => c.toLowerCase() === 'page')
  const created =
    dateOf('date') ??
    dateOf('createdAt') ??
    dateOf('publishedAt') ??
    (fileName.date ? parseDate(fileName.date, d.timezone) : undefined)
  if (!created && !isPage) {
    throw new BdsError('BDS_FRONTMATTER_INVALID', 'The post has no date.', {
      pos: { file, line: 1, column: 1 },
      hint: 'Add `date: YYYY-MM-DD` to the front matter, or start the file name with the date (2024-03-05-title.md).',
    })
  }
  const updated = dateOf('updatedAt') ?? dateOf('updated') ?? created
  const status: PostStatus =
    (data.status as PostStatus | undefined) ?? (data.draft === true ? 'draft' : 'published')
  const slugSource = data.slug !== undefined ? String(data.slug) : fileName.name
  const slug = slugify(slugSource)
  if (!slug) {
    throw new BdsError('BDS_FRONTMATTER_INVALID', `Cannot make a URL slug from "${slugSource}".`, {
      pos: data.slug !== undefined ? at('slug') : { file, line: 1, column: 1 },
      hint: 'Set `slug:` to letters, digits and dashes.',
    })
  }
  const taxonomies = taxonomyTerms(data, d.taxonomies ?? [], at)
  const template = data.template ?? data.templateSlug
  const title = data.title === undefined ? '' : String(data.title).trim()
  return {
    kind: isPage ? 'page' : 'post',
    file,
    id: data.id !== undefined ? String(data.id) : file,
    title: title || fallbackTitle(split.body, fileName.name),
    untitled: !title,
    slug,
    status,
    date: created ?? new Date(0),
    updated: updated ?? created ?? new Date(0),
    published: dateOf('publishedAt'),
    dated: created !== undefined,
    tags: terms(data.tags),
    categories: isPage ? categories.filter((c) => c.toLowerCase() !== 'page') : categories,
    ...(taxonomies ? { taxonomies } : {}),
    excerpt: typeof data.excerpt === 'string' ? data.excerpt : undefined,
    author: typeof data.author === 'string' ? data.author : d.author,
    language: typeof data.language === 'string' ? data.language : d.language,
    template: typeof template === 'string' ? template : undefined,
    body: split.body,
    bodyLine: split.bodyLine,
    data,
    keyLines: split.keyLines,
  }
}
