// JSON Schema (draft-07, ajv) for bds.config.json. Unknown keys are errors so typos surface.

export const configSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    title: { type: 'string', minLength: 1 },
    url: { type: 'string', pattern: '^https?://[^\\s/]+(/[^\\s]*)?$' },
    basePath: { type: 'string', pattern: '^(/?[^\\s?#]*)$' },
    description: { type: 'string' },
    language: { type: 'string', pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$' },
    author: { type: 'string' },
    timezone: { type: 'string', minLength: 1 },
    postsPerPage: { type: 'integer', minimum: 1, maximum: 500 },
    feedItems: { type: 'integer', minimum: 1, maximum: 1000 },
    languages: {
      type: 'array',
      items: { type: 'string', pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$' },
      uniqueItems: true,
    },
    output: { type: 'string', minLength: 1 },
    macros: {
      type: 'object',
      additionalProperties: false,
      properties: {
        stringParams: { type: 'boolean' },
        youtubeNoCookie: { type: 'boolean' },
      },
    },
    images: {
      type: 'object',
      additionalProperties: false,
      properties: {
        sizes: {
          oneOf: [
            { const: false },
            {
              type: 'object',
              minProperties: 1,
              propertyNames: { pattern: '^[a-z][a-z0-9-]*$' },
              additionalProperties: { type: 'integer', minimum: 16, maximum: 8192 },
            },
          ],
        },
      },
    },
    search: {
      oneOf: [
        { type: 'boolean' },
        {
          type: 'object',
          additionalProperties: false,
          properties: { partSize: { type: 'integer', minimum: 1, maximum: 1000000 } },
        },
      ],
    },
    python: {
      type: 'object',
      additionalProperties: false,
      properties: {
        workers: { type: 'integer', minimum: 1, maximum: 64 },
        timeoutMs: { type: 'integer', minimum: 10, maximum: 600000 },
        memoryMiB: { type: 'integer', minimum: 64, maximum: 4096 },
      },
    },
    feeds: {
      type: 'object',
      additionalProperties: false,
      properties: {
        json: { type: 'boolean' },
        tags: { type: 'boolean' },
        categories: { type: 'boolean' },
      },
    },
    taxonomies: {
      type: 'object',
      propertyNames: { pattern: '^[a-z][a-z0-9_]*$' },
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          title: { type: 'string', minLength: 1 },
          path: { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$' },
          feeds: { type: 'boolean' },
        },
      },
    },
    nav: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          page: { type: 'string', minLength: 1 },
          title: { type: 'string', minLength: 1 },
          url: { type: 'string', minLength: 1 },
        },
      },
    },
    allowOutside: { type: 'array', items: { type: 'string', minLength: 1 } },
    limits: {
      type: 'object',
      additionalProperties: false,
      properties: {
        pageMiB: { type: 'integer', minimum: 1, maximum: 256 },
        renderMs: { type: 'integer', minimum: 10, maximum: 600000 },
        renderMemory: { type: 'integer', minimum: 1000, maximum: 10000000000 },
        templateChars: { type: 'integer', minimum: 1000, maximum: 1000000000 },
      },
    },
    markdown: {
      type: 'object',
      additionalProperties: false,
      properties: {
        linkify: { type: 'boolean' },
        typographer: { type: 'boolean' },
        highlight: { type: 'boolean' },
      },
    },
  },
} as const
