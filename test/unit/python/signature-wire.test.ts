// What crosses the wire for declared parameters (issue 17): a check's signature from an
// untrusted peer is checked field by field and rebuilt from its known fields; a call's
// keyword arguments travel as one more JSON value and count in its identity.

import { describe, expect, it } from 'vitest'
import { callsOf, dedupe, planOf } from '../../../src/python/batches.js'
import { checkOutcomes } from '../../../src/python/wire.js'
import { script } from '../../helpers/python.js'

const signature = {
  params: [
    { name: 'columns', type: 'int', default: 3, description: 'how many' },
    { name: 'style', type: 'str', choices: ['a', 'b'] },
    { name: 'when', type: 'any', defaultText: 'now()' },
    { name: 'need', type: 'str', required: true },
  ],
  open: false,
  line: 4,
  doc: 'A grid.',
}
const outcome = (s: unknown) =>
  checkOutcomes([{ ok: true, functions: ['render'], signature: s }], 1)

describe('a check outcome with a signature', () => {
  it('comes through when every field is what the wire allows', () => {
    expect(outcome(signature)).toEqual([{ ok: true, functions: ['render'], signature }])
  })

  it('keeps only the known fields', () => {
    const extra = { ...signature, params: [{ name: 'x', type: 'str', evil: 1 }], more: true }
    expect(outcome(extra)).toEqual([
      {
        ok: true,
        functions: ['render'],
        signature: { params: [{ name: 'x', type: 'str' }], open: false, line: 4, doc: 'A grid.' },
      },
    ])
  })

  it.each([
    ['not an object', 'x', 'has an invalid signature'],
    ['a bad type', { ...signature, params: [{ name: 'x', type: 'list' }] }, 'is not a parameter'],
    ['a bad name', { ...signature, params: [{ name: 'a b', type: 'str' }] }, 'is not a parameter'],
    [
      'a default that is an object',
      { ...signature, params: [{ name: 'x', type: 'any', default: {} }] },
      'has an invalid default',
    ],
    [
      'a description that is too long',
      { ...signature, params: [{ name: 'x', type: 'any', description: 'x'.repeat(501) }] },
      'has a text that is too long',
    ],
    [
      'too many parameters',
      {
        ...signature,
        params: Array.from({ length: 101 }, (_, i) => ({ name: `p${i}`, type: 'str' })),
      },
      'has an invalid signature',
    ],
    ['no line', { ...signature, line: 'x' }, 'has an invalid signature'],
  ])('is refused with %s', (_what, s, problem) => {
    expect(outcome(s)).toEqual(expect.stringContaining(problem))
  })
})

describe('keyword arguments', () => {
  const s = script('grid', 'def render(c, p, *, n=1):\n    return ""\n')
  it('tell calls apart and cross as one value each', () => {
    const { unique, slot } = dedupe([
      { script: s, args: [{ a: 1 }], kwargs: { n: 1 } },
      { script: s, args: [{ a: 1 }], kwargs: { n: 1 } },
      { script: s, args: [{ a: 1 }], kwargs: { n: 2 } },
      { script: s, args: [{ a: 1 }] },
      { script: s, args: [{ a: 1 }], kwargs: {} },
    ])
    expect(slot).toEqual([0, 0, 1, 2, 2])
    const plan = planOf(unique)
    expect(plan.calls).toEqual([
      { key: `grid:${s.hash}`, args: [0], kw: 1 },
      { key: `grid:${s.hash}`, args: [0], kw: 2 },
      { key: `grid:${s.hash}`, args: [0] },
    ])
    expect(plan.values).toEqual(['{"a":1}', '{"n":1}', '{"n":2}'])
    expect(callsOf(plan)).toEqual(unique)
  })

  it('refuse a plan whose keyword index points nowhere', () => {
    const plan = planOf(dedupe([{ script: s, args: [1], kwargs: { n: 1 } }]).unique)
    const [first] = plan.calls
    expect(
      callsOf({ ...plan, calls: [{ key: first?.key ?? '', args: [0], kw: 9 }] }),
    ).toBeUndefined()
  })
})
