// What a transform may return: None, or a post dict checked by this JSON Schema (ajv) and
// then cleaned with the bookmark's own rules, so every post written is safe front matter.
// checkPost returns the clean post or the list of problems; it never throws.

import { Ajv, type ErrorObject } from 'ajv'
import { slugify } from '../util/slug.js'
import { parseDate } from '../util/time.js'
import { cleanTerms, MAX_TITLE } from './sanitize.js'
import { cleanContent, cut, oneLine } from './text.js'
import type { IngestPost } from './types.js'

/** Front matter keys bds writes itself; `extra` may not set them. */
export const RESERVED_KEYS = [
  'id',
  'title',
  'slug',
  'status',
  'draft',
  'date',
  'createdAt',
  'updatedAt',
  'tags',
  'categories',
  'source_url',
]

const terms = { type: 'array', maxItems: 200, items: { type: 'string', maxLength: 200 } }
const text = { type: 'string' }

export const postSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['title', 'content', 'tags', 'categories'],
  properties: {
    title: { type: 'string', maxLength: 10_000 },
    content: { type: 'string', maxLength: 1_000_000 },
    tags: terms,
    categories: terms,
    slug: { type: ['string', 'null'], maxLength: 200 },
    date: { type: ['string', 'null'], maxLength: 64 },
    extra: {
      type: ['object', 'null'],
      maxProperties: 50,
      propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_-]{0,63}$', not: { enum: RESERVED_KEYS } },
      // The keys the front matter schema knows keep its types, so the file builds.
      properties: {
        excerpt: text,
        author: text,
        language: text,
        template: { type: 'string', minLength: 1 },
        templateSlug: { type: 'string', minLength: 1 },
        publishedAt: { type: 'string', minLength: 1 },
      },
    },
  },
} as const

let validate: ReturnType<Ajv['compile']> | undefined

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  null: 'None',
  object: 'a dict',
  array: 'a list',
}

function describe(e: ErrorObject): string {
  const path = e.instancePath.replace(/\/(\d+)/g, '[$1]').replace(/\//g, '.')
  const at = `post${path}`
  if (e.keyword === 'additionalProperties')
    return `${at} has the key "${String(e.params.additionalProperty)}", which is not one of title, content, tags, categories, slug, date, extra`
  if (e.keyword === 'propertyNames')
    return `${at} has the key "${String(e.params.propertyName)}", which bds writes itself or is not a front matter key`
  if (e.keyword === 'type') {
    const types = ([] as string[]).concat(e.params.type as string | string[])
    return `${at} must be ${types.map((t) => TYPE_NAMES[t] ?? t).join(' or ')}`
  }
  return `${at} ${e.message}`
}

const kind = (v: unknown) =>
  v === null
    ? 'None'
    : Array.isArray(v)
      ? 'a list'
      : typeof v === 'object'
        ? 'a dict'
        : `a ${typeof v === 'number' ? 'number' : typeof v === 'string' ? 'string' : 'boolean'} (${JSON.stringify(v).slice(0, 40)})`

export type PostCheck = { ok: true; post: IngestPost } | { ok: false; problems: string[] }

/** Checks a transform's return value (not None) and cleans it. */
export function checkPost(value: unknown, timezone: string): PostCheck {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, problems: [`returned ${kind(value)}, not a post dict or None`] }
  validate ??= new Ajv({ allErrors: true }).compile(postSchema)
  if (!validate(value)) {
    // propertyNames also reports its inner failure, with no useful name: keep the outer one.
    const errors = (validate.errors ?? []).filter((e) => !e.schemaPath.includes('/propertyNames/'))
    const seen = new Set(errors.map(describe))
    return { ok: false, problems: [...seen].slice(0, 10) }
  }
  const v = value as IngestPost
  const problems: string[] = []
  const title = cut(oneLine(v.title), MAX_TITLE)
  if (!title) problems.push('post.title is empty')
  const slug = v.slug == null ? undefined : slugify(v.slug)
  if (slug === '') problems.push(`post.slug ${JSON.stringify(v.slug)} has no letters or digits`)
  const date = v.date == null ? undefined : oneLine(v.date)
  if (date !== undefined && !parseDate(date, timezone))
    problems.push(
      `post.date ${JSON.stringify(v.date)} is not a date like 2024-03-05 or 2024-03-05T09:30:00+01:00`,
    )
  if (problems.length) return { ok: false, problems }
  const extra = v.extra
    ? Object.fromEntries(Object.entries(v.extra).sort(([a], [b]) => (a < b ? -1 : 1)))
    : {}
  return {
    ok: true,
    post: {
      title,
      content: cleanContent(v.content),
      tags: cleanTerms(v.tags),
      categories: cleanTerms(v.categories),
      ...(slug ? { slug } : {}),
      ...(date ? { date } : {}),
      ...(Object.keys(extra).length ? { extra } : {}),
    },
  }
}
