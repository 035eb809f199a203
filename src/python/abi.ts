// Macro ABI v1 as data: JSON Schemas for what a Python macro receives (context, post) and
// returns, checked with ajv — the context before it is sent, the result when it comes back.

import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'

const json = {} // any JSON value
const nonEmpty = { type: 'string', minLength: 1 }
const isoOrNull = { type: ['string', 'null'] }

const macroContextSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['env', 'params'],
  properties: {
    env: {
      type: 'object',
      additionalProperties: false,
      required: ['isPreview', 'mainLanguage', 'languagePrefix', 'hook', 'source'],
      properties: {
        isPreview: { type: 'boolean' },
        mainLanguage: nonEmpty,
        languagePrefix: { type: 'string' },
        hook: nonEmpty,
        source: {
          type: 'object',
          additionalProperties: false,
          required: ['kind', 'id'],
          properties: { kind: nonEmpty, id: nonEmpty },
        },
        translations: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
    params: {
      type: 'object',
      additionalProperties: { type: ['string', 'number', 'boolean'] },
    },
    data: { type: 'object', additionalProperties: json },
  },
} as const

const macroPostSchema = {
  type: ['object', 'null'],
  additionalProperties: false,
  required: ['id', 'title', 'slug', 'url', 'content', 'status', 'tags', 'categories'],
  properties: {
    id: { type: 'string' },
    projectId: { type: 'string' },
    title: { type: 'string' },
    slug: { type: 'string' },
    url: { type: 'string' },
    excerpt: { type: ['string', 'null'] },
    content: { type: 'string' },
    status: { enum: ['published', 'draft', 'archived'] },
    author: { type: ['string', 'null'] },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
    publishedAt: isoOrNull,
    tags: { type: 'array', items: { type: 'string' } },
    categories: { type: 'array', items: { type: 'string' } },
  },
} as const

const macroResultSchema = {
  oneOf: [
    { type: 'string' },
    {
      type: 'object',
      additionalProperties: false,
      required: ['html'],
      properties: {
        html: { type: 'string' },
        data: { type: 'object', additionalProperties: json },
        warnings: { type: 'array', items: { type: 'string' }, maxItems: 50 },
      },
    },
  ],
} as const

let validators:
  | { context: ValidateFunction; post: ValidateFunction; result: ValidateFunction }
  | undefined

function compiled() {
  if (!validators) {
    const ajv = new Ajv({ allErrors: false, strict: false })
    validators = {
      context: ajv.compile(macroContextSchema),
      post: ajv.compile(macroPostSchema),
      result: ajv.compile(macroResultSchema),
    }
  }
  return validators
}

function describe(errors: ErrorObject[] | null | undefined): string {
  const first = errors?.[0]
  if (!first) return 'invalid'
  return `${first.instancePath || 'the value'} ${first.message ?? 'is invalid'}`
}

/** Undefined when valid, else what is wrong. Without `post`, only the context is checked. */
export function checkContext(context: unknown, post?: unknown): string | undefined {
  const v = compiled()
  if (!v.context(context)) return `context: ${describe(v.context.errors)}`
  return post === undefined ? undefined : checkPost(post)
}

/** The post argument alone (checked once per post, however many of its tokens call Python). */
export function checkPost(post: unknown): string | undefined {
  const v = compiled()
  return v.post(post) ? undefined : `post: ${describe(v.post.errors)}`
}

export function checkResult(value: unknown): string | undefined {
  const v = compiled()
  if (v.result(value)) return undefined
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const keyed = v.result.errors?.find((e) => e.instancePath !== '' || e.keyword !== 'type')
    if (keyed) return describe([keyed])
  }
  const kind = value === null ? 'None' : Array.isArray(value) ? 'a list' : typeof value
  return `a macro returns a str or a dict {"html": str, "data"?: dict, "warnings"?: [str]}, not ${kind}`
}
