// `bds macros` on the Python fixture site (issue 17): the built-ins and every macro script
// with the parameters it declares (read with `ast` in the sandbox, then kept in the index),
// pinned as golden files; the JSON follows docs/schemas/macros-list.schema.json.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv } from 'ajv'
import { beforeAll, describe, expect, it } from 'vitest'
import { bds, copyFixture, fixturesDir, repoRoot } from '../helpers/site.js'

const golden = join(fixturesDir, 'sites/python/__golden__')
let site: string

beforeAll(() => {
  site = copyFixture('sites/python')
})

describe('bds macros list', () => {
  it('shows every macro with its declared parameters (golden)', async () => {
    const r = bds(['-C', site, 'macros', 'list'])
    expect(r.status, r.stderr).toBe(0)
    await expect(r.stdout).toMatchFileSnapshot(join(golden, 'macros-list.txt'))
  })

  it('prints JSON that the schema in docs/schemas accepts (golden)', async () => {
    const r = bds(['-C', site, 'macros', 'list', '--json'])
    expect(r.status, r.stderr).toBe(0)
    await expect(r.stdout).toMatchFileSnapshot(join(golden, 'macros-list.json'))
    const schema = JSON.parse(
      readFileSync(join(repoRoot, 'docs/schemas/macros-list.schema.json'), 'utf8'),
    )
    const validate = new Ajv({ strict: false }).compile(schema)
    expect(validate(JSON.parse(r.stdout)), JSON.stringify(validate.errors)).toBe(true)
  })

  it('keeps the declarations in the index for the next list', async () => {
    const r = bds(['-C', site, 'macros', 'list', '--json'])
    const grid = JSON.parse(r.stdout).macros.find((m: { name: string }) => m.name === 'grid')
    expect(grid.line).toBe(19)
  })
})

describe('bds macros show', () => {
  it('shows one macro with an example call', async () => {
    const r = bds(['-C', site, 'macros', 'show', 'grid'])
    expect(r.status, r.stderr).toBe(0)
    await expect(r.stdout).toMatchFileSnapshot(join(golden, 'macros-show-grid.txt'))
  })

  it('names the nearest macro for a misspelt one', async () => {
    const r = bds(['-C', site, 'macros', 'show', 'grdi'])
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('There is no macro "grdi" (did you mean "grid"?).')
  })
})
