// Declared parameters through real Pyodide in the sandbox (issue 17): the check reads the
// entrypoint's signature with `ast` — running nothing, not even a top-level statement — and a
// call passes the declared values as keyword arguments.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PythonHost } from '../../src/python/index.js'
import { py, script, testHost } from '../helpers/python.js'

let host: PythonHost

beforeAll(async () => {
  host = testHost()
  await host.start()
})
afterAll(() => host.stop())

const grid = script(
  'grid',
  py(
    'from typing import Literal',
    'raise SystemExit("a check must not run this")',
    'def render(context, post, *, columns: int = 3, caption: str = "",',
    '           style: Literal["light", "dark"] = "light", when=len("x"), need: str, **more):',
    '    """A grid of the post\'s images.',
    '',
    '    Args:',
    '        columns: how many columns,',
    '            one to six',
    '        caption (str): text under the grid',
    '    """',
    '    return f"{columns}|{caption}|{style}|{need}|{sorted(more)}|{context[\'params\']}"',
  ),
)

describe('the check of a script', () => {
  it("reads its entrypoint's declaration without running it", async () => {
    const [result] = await host.check([
      { file: grid.file, source: grid.source, entrypoint: 'render' },
    ])
    expect(result?.signature).toEqual({
      params: [
        { name: 'columns', type: 'int', default: 3, description: 'how many columns, one to six' },
        { name: 'caption', type: 'str', default: '', description: 'text under the grid' },
        { name: 'style', type: 'str', default: 'light', choices: ['light', 'dark'] },
        { name: 'when', type: 'any', defaultText: "len('x')" },
        { name: 'need', type: 'str', required: true },
      ],
      open: true,
      line: 3,
      doc: "A grid of the post's images.",
    })
  })

  it('has no signature for an entrypoint it does not define, or none asked for', async () => {
    const results = await host.check([
      { file: grid.file, source: grid.source, entrypoint: 'main' },
      { file: grid.file, source: grid.source },
    ])
    expect(results.map((r) => r.signature)).toEqual([undefined, undefined])
  })
})

describe('a call with keyword arguments', () => {
  it('passes them to the entrypoint, beside context and post', async () => {
    const s = script(
      'kw',
      py(
        'def render(context, post, *, columns: int = 3, need: str, **more):',
        '    return f"{columns}|{need}|{sorted(more)}|{context[\'params\']}"',
      ),
    )
    const params = { columns: 4, need: 'x', extra: true }
    const [r] = await host.run([{ script: s, args: [{ params }, null], kwargs: params }])
    expect(r?.value).toBe("4|x|['extra']|{'columns': 4, 'need': 'x', 'extra': True}")
  })

  it('leaves an entrypoint without declared parameters as it was', async () => {
    const s = script('old', py('def render(context, post):', '    return context["params"]["n"]'))
    const [r] = await host.run([{ script: s, args: [{ params: { n: 2 } }, null] }])
    expect(r?.value).toBe(2)
  })
})
