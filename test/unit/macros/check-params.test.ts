// Declared parameters (issue 17): unknown names with "did you mean", lossless conversion and
// the warnings when nothing converts, defaults, required parameters, choices and **kwargs.

import { describe, expect, it } from 'vitest'
import {
  checkParams,
  convertValue,
  type MacroDeclaration,
  type MacroParams,
  type ParamType,
} from '../../../src/macros/index.js'

const pos = { file: 'posts/a.md', line: 3, column: 5 }
const declaration: MacroDeclaration = {
  params: [
    { name: 'columns', type: 'int', default: 3 },
    { name: 'caption', type: 'str', default: '' },
    { name: 'ratio', type: 'float' },
    { name: 'wide', type: 'bool', default: false },
    { name: 'style', type: 'str', choices: ['light', 'dark'] },
  ],
}
const written = (params: MacroParams) =>
  Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]))
const check = (params: MacroParams, decl = declaration, text = written(params)) =>
  checkParams({ params, text, pos }, decl, 'The macro "grid" (scripts/grid.py)')
const messages = (r: ReturnType<typeof check>) =>
  r.diagnostics.map((d) => [d.code, d.severity, d.pos, d.message])

describe('checkParams', () => {
  it('passes declared values through and fills in the defaults', () => {
    const r = check({ columns: 4 })
    expect(r.params).toEqual({ columns: 4, caption: '', wide: false })
    expect(r.diagnostics).toEqual([])
  })

  it('warns about an unknown parameter at the call, naming the nearest declared one', () => {
    const r = check({ colums: 4 })
    expect(messages(r)).toEqual([
      [
        'BDS_MACRO_PARAMS',
        'warning',
        pos,
        'The macro "grid" (scripts/grid.py) has no parameter "colums" (did you mean "columns"?); it was ignored.',
      ],
    ])
    expect(r.diagnostics[0]?.hint).toBe('Its parameters: columns, caption, ratio, wide, style.')
    expect(r.params).toEqual({ columns: 3, caption: '', wide: false })
  })

  it('suggests nothing for a name far from every declared one', () => {
    expect(check({ zzzzzz: 1 }).diagnostics[0]?.message).toContain('no parameter "zzzzzz";')
  })

  it('converts what converts without loss', () => {
    const r = check({ columns: '5', caption: 7, ratio: '1.5', wide: 'true' }, declaration, {
      columns: '5',
      caption: '007',
      ratio: '1.5',
      wide: 'true',
    })
    // A str takes the text as written (leading zeros kept).
    expect(r.params).toEqual({ columns: 5, caption: '007', ratio: 1.5, wide: true })
    expect(r.diagnostics).toEqual([])
  })

  it('warns and falls back to the default when a value does not convert', () => {
    const r = check({ columns: 'three', ratio: 'wide', wide: 'maybe' })
    expect(messages(r).map((m) => m[3])).toEqual([
      'The macro "grid" (scripts/grid.py): "columns" takes a whole number, not "three"; using 3.',
      'The macro "grid" (scripts/grid.py): "ratio" takes a number, not "wide"; it was ignored.',
      'The macro "grid" (scripts/grid.py): "wide" takes true or false, not "maybe"; using false.',
    ])
    expect(r.params).toEqual({ columns: 3, caption: '', wide: false })
  })

  it('checks choices, suggesting the nearest', () => {
    const r = check({ style: 'dakr' })
    expect(r.diagnostics[0]?.message).toBe(
      'The macro "grid" (scripts/grid.py): "style" is one of "light", "dark", not "dakr" (did you mean "dark"?); it was ignored.',
    )
    expect(check({ style: 'dark' }).params.style).toBe('dark')
  })

  it('reports a missing required parameter', () => {
    const decl = { params: [{ name: 'id', type: 'str' as const, required: true }] }
    const r = check({}, decl)
    expect(r.missing).toEqual(['id'])
    expect(r.diagnostics[0]?.message).toBe(
      'The macro "grid" (scripts/grid.py) needs "id"; it did not run.',
    )
  })

  it('takes anything with **kwargs (open), still converting the declared ones', () => {
    const r = check({ columns: '2', extra: 'x' }, { ...declaration, open: true })
    expect(r.params).toEqual({ columns: 2, extra: 'x', caption: '', wide: false })
    expect(r.diagnostics).toEqual([])
  })

  it('checks names only when asked not to convert', () => {
    const r = checkParams(
      { params: { columns: 'x', colums: 1 }, text: {}, pos },
      declaration,
      'The gallery macro',
      { convert: false },
    )
    expect(r.params).toEqual({ columns: 'x' })
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      'The gallery macro has no parameter "colums" (did you mean "columns"?); it was ignored.',
    ])
  })
})

describe('convertValue', () => {
  const as = (type: ParamType, value: string | number | boolean, text = String(value)) =>
    convertValue(value, text, { name: 'x', type })
  it.each([
    ['int', 3, 3],
    ['int', '-12', -12],
    ['int', 2.5, undefined],
    ['int', '2.5', undefined],
    ['int', true, undefined],
    ['int', '99999999999999999999', undefined],
    ['float', 2, 2],
    ['float', '2.5e3', 2500],
    ['float', 'x', undefined],
    ['bool', 'false', false],
    ['bool', 1, true],
    ['bool', 2, undefined],
    ['str', true, 'true'],
    ['any', 'x', 'x'],
  ] as const)('%s ← %j is %j', (type, value, expected) => {
    expect(as(type, value)).toEqual(expected)
  })
})
