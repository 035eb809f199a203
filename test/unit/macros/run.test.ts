import { describe, expect, it } from 'vitest'
import type { Post } from '../../../src/content/index.js'
import { type MacroInput, type MacroRunner, runMacros } from '../../../src/macros/index.js'

const site = {
  language: 'en',
  languagePrefix: '',
  basePath: '',
  url: 'https://x',
  timezone: 'UTC',
  tags: [],
  media: [],
  options: { stringParams: false, youtubeNoCookie: false },
}
const input = (name: string, line = 1): MacroInput => ({
  call: {
    name,
    params: {},
    text: {},
    raw: `[[${name}]]`,
    pos: { file: 'posts/a.md', line, column: 1 },
    block: false,
  },
  post: { id: 'a', file: 'posts/a.md' } as Post,
  url: '/a/',
  site,
})
const runner = (names: string[], html: string, calls: string[][] = []): MacroRunner => ({
  has: (n) => names.includes(n),
  run: async (batch) => {
    calls.push(batch.map((b) => b.call.name))
    return batch.map(() => ({ html, diagnostics: [] }))
  },
})

describe('runMacros', () => {
  it('asks runners in order, one batch per runner, results in input order', async () => {
    const calls: string[][] = []
    const first = runner(['a', 'shared'], 'first', calls)
    const second = runner(['b', 'shared'], 'second', calls)
    const run = await runMacros(
      [input('a'), input('b'), input('shared'), input('a')],
      [first, second],
    )
    expect(run.outputs.map((o) => o?.html)).toEqual(['first', 'second', 'first', 'first'])
    expect(calls).toEqual([['a', 'shared', 'a'], ['b']])
    expect(run.diagnostics).toEqual([])
  })

  it('leaves unknown macros without output and warns with the script to create', async () => {
    const run = await runMacros([input('nosuch', 7)], [runner(['a'], 'x')])
    expect(run.outputs).toEqual([undefined])
    expect(run.diagnostics[0]).toMatchObject({
      code: 'BDS_MACRO_UNKNOWN',
      severity: 'warning',
      pos: { file: 'posts/a.md', line: 7 },
    })
    expect(run.diagnostics[0]?.hint).toContain('scripts/nosuch.py')
  })

  it('turns a runner that fails as a whole into one error per call', async () => {
    const broken: MacroRunner = {
      has: () => true,
      run: async () => Promise.reject(new Error('pool died')),
    }
    const run = await runMacros([input('a', 2), input('b', 3)], [broken])
    expect(run.outputs.map((o) => o?.html)).toEqual(['', ''])
    expect(run.diagnostics.map((d) => [d.code, d.severity, d.pos?.line])).toEqual([
      ['BDS_MACRO_FAILED', 'error', 2],
      ['BDS_MACRO_FAILED', 'error', 3],
    ])
    expect(run.diagnostics[0]?.message).toContain('pool died')
  })
})
