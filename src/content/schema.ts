// JSON Schema (ajv) for front matter: bDS keys and the common SSG keys. Other keys are
// allowed and reach templates as post.data.

const text = { type: ['string', 'number'] }
const date = { type: 'string', minLength: 1 }
const terms = { type: 'array', items: { type: ['string', 'number'] } }

export const frontMatterSchema = {
  type: 'object',
  properties: {
    id: text,
    title: text,
    slug: { type: ['string', 'number'], minLength: 1 },
    date,
    createdAt: date,
    updatedAt: date,
    updated: date,
    publishedAt: date,
    status: { enum: ['draft', 'published', 'archived'] },
    draft: { type: 'boolean' },
    tags: terms,
    categories: terms,
    excerpt: { type: 'string' },
    author: { type: 'string' },
    language: { type: 'string' },
    template: { type: 'string', minLength: 1 },
    templateSlug: { type: 'string', minLength: 1 },
    nav: { type: 'boolean' },
    nav_order: { type: 'number' },
  },
} as const
