// The generated schema validators (tools/gen-validators.ts) are what the schemas compile to
// today — run `npm run gen` after changing a schema — and judge as ajv compiling the schema
// at run time would.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { validate as configValidate } from '../../../src/config/config-validator.gen.js'
import { configSchema } from '../../../src/config/schema.js'
import { generate, TARGETS } from '../../../tools/gen-validators.js'
import { repoRoot } from '../../helpers/site.js'

describe('generated validators', () => {
  it.each(TARGETS.map((t) => [t.file, t] as const))('%s is up to date (npm run gen)', (file, t) => {
    expect(readFileSync(join(repoRoot, file), 'utf8')).toBe(generate(t))
  })

  it.each([
    [{ title: 'x', postsPerPage: 10 }],
    [{ title: '', postsPerPage: 0, nope: 1 }],
    [{ url: 'ftp://x', languages: ['en', 'en'], timezone: 3 }],
    [{ markdown: { typographer: 'yes' } }],
    [[]],
  ])('judges %j as ajv does', (value) => {
    const ajv = new Ajv({ allErrors: true }).compile(configSchema)
    expect(configValidate(value)).toBe(ajv(value))
    expect(configValidate.errors ?? null).toEqual(ajv.errors ?? null)
  })
})
