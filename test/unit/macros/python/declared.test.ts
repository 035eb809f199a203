// Python macros that declare parameters (issue 17), with a fake host whose check returns the
// entrypoint's signature: calls are checked at the token (unknown names with "did you mean",
// conversion, defaults), the values go to context.params and the signature's names as keyword
// arguments; a script that declares nothing keeps today's behaviour; the check is recorded.

import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfig, resolveConfig } from '../../../../src/config/index.js'
import type { MacroParams } from '../../../../src/macros/index.js'
import { declarationOf, preparePython } from '../../../../src/macros/python/index.js'
import type { Signature } from '../../../../src/python/index.js'
import type { HeaderParam, ScriptRow } from '../../../../src/scripts/index.js'
import { nodeFs } from '../../../../src/util/fs.js'
import { fakePythonHost, returns } from '../../../helpers/fake-python.js'
import { macroInput, testPos } from '../../../helpers/macro-input.js'
import { tempDir } from '../../../helpers/site.js'

const grid: Signature = {
  params: [
    { name: 'columns', type: 'int', default: 3, description: 'how many' },
    { name: 'caption', type: 'str', default: '' },
    { name: 'need', type: 'str', required: true },
  ],
  open: false,
  line: 5,
}

async function step(signature: Signature | undefined, params: HeaderParam[] | null = null) {
  const root = tempDir()
  mkdirSync(join(root, 'scripts'))
  writeFileSync(join(root, 'bds.config.json'), '{"title": "T"}')
  writeFileSync(join(root, 'scripts/grid.py'), 'def render(context, post):\n    return ""\n')
  const row = { id: 'g', slug: 'grid', path: 'scripts/grid.py', hash: 'h', entrypoint: 'render' }
  const config = resolveConfig(await loadConfig(root), {}, root)
  const host = fakePythonHost({ grid: () => returns('<b>ok</b>') })
  host.check = async (scripts) =>
    scripts.map((s) => ({ file: s.file, ok: true, functions: ['render'], signature }))
  const recorded: unknown[] = []
  const rows = [{ ...row, params } as ScriptRow]
  const python = preparePython(
    config,
    rows,
    nodeFs,
    () => host,
    [],
    (c) => recorded.push(...c),
  )
  const run = async (params: MacroParams) => {
    const [out] = (await python.runner?.run([macroInput('grid', params)])) ?? []
    return out
  }
  return { host, run, recorded }
}

const sent = (host: ReturnType<typeof fakePythonHost>) => {
  const call = host.calls.at(-1)
  // The context crosses field by field (FieldsArgument); as JSON it is the plain object.
  const context = JSON.parse(JSON.stringify(call?.args[0] ?? null)) as {
    params: MacroParams
  } | null
  return { params: context?.params, kwargs: call?.kwargs }
}

describe('a Python macro that declares its parameters', () => {
  it('gets checked values and defaults in context.params and as keyword arguments', async () => {
    const { host, run } = await step(grid)
    const out = await run({ columns: '4', need: 'x' })
    expect(out?.html).toBe('<b>ok</b>')
    expect(out?.diagnostics).toEqual([])
    expect(sent(host)).toEqual({
      params: { columns: 4, need: 'x', caption: '' },
      kwargs: { columns: 4, need: 'x', caption: '' },
    })
  })

  it('warns at the token about an unknown parameter, naming the nearest one', async () => {
    const { host, run } = await step(grid)
    const out = await run({ colums: 4, need: 'x' })
    expect(out?.diagnostics.map((d) => [d.code, d.pos, d.message])).toEqual([
      [
        'BDS_MACRO_PARAMS',
        testPos,
        'The Python macro "grid" (scripts/grid.py) has no parameter "colums" (did you mean "columns"?); it was ignored.',
      ],
    ])
    expect(sent(host).params).toEqual({ columns: 3, caption: '', need: 'x' })
  })

  it('does not run a call that lacks a required parameter', async () => {
    const { host, run } = await step(grid)
    const out = await run({})
    expect(out?.html).toBe('')
    expect(out?.diagnostics[0]?.message).toContain('needs "need"; it did not run')
    expect(host.calls).toEqual([])
  })

  it('passes header-only parameters in context.params, not as keyword arguments', async () => {
    const { host, run } = await step(undefined, [{ name: 'tone', type: 'str', default: 'calm' }])
    await run({})
    expect(sent(host)).toEqual({ params: { tone: 'calm' }, kwargs: undefined })
  })

  it('records the check in the index', async () => {
    const { run, recorded } = await step(grid)
    await run({ need: 'x' })
    expect(recorded).toMatchObject([{ status: 'ok', result: { signature: grid } }])
  })
})

describe('a Python macro that declares nothing (today’s behaviour)', () => {
  it('gets every parameter as written, with no warnings and no keyword arguments', async () => {
    const { host, run } = await step({ params: [], open: false, line: 1 })
    const out = await run({ anything: 'goes', n: 2 })
    expect(out?.diagnostics).toEqual([])
    expect(sent(host)).toEqual({ params: { anything: 'goes', n: 2 }, kwargs: undefined })
  })
})

describe('declarationOf', () => {
  it('merges the header over the signature, field by field', () => {
    const d = declarationOf(
      [{ name: 'need', type: 'str', default: 'y', description: 'from the header' }],
      grid,
    )
    expect(d?.params.find((p) => p.name === 'need')).toEqual({
      name: 'need',
      type: 'str',
      default: 'y',
      description: 'from the header',
    })
    expect([...(d?.keywords ?? [])]).toEqual(['columns', 'caption', 'need'])
  })

  it('is undefined for a script that declares nothing', () => {
    expect(declarationOf(null, undefined)).toBeUndefined()
    expect(declarationOf([], { params: [], open: true, line: 1 })).toBeUndefined()
  })
})
