// Property tests for the tokenizer (fast-check): it never throws, a page without `[[`
// renders byte-identical to markdown-it without the macro plugin, and any string survives
// quoting as a macro value.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type MacroEnv, quoteValue, scanMacro } from '../../../src/macros/index.js'
import { createMarkdown } from '../../../src/render/index.js'

const options = { linkify: false, typographer: false }
const withMacros = createMarkdown(options)
const plain = createMarkdown(options, false)

const markdownish = fc.string({
  unit: fc.constantFrom(
    ...'ab [[]]]=="\'\\\n\n`*_#->|~<x/>1 \t'.split(''),
    'é',
    '日',
    '🚲',
    '[[m',
    'a=1',
    ']]',
    '```',
  ),
  maxLength: 200,
})

describe('tokenizer properties', () => {
  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(markdownish, (src) => {
        const env: MacroEnv = { bds: { file: 'x.md', bodyLine: 1, calls: [], errors: [] } }
        withMacros.renderer.render(withMacros.parse(src, env), withMacros.options, env)
      }),
      { numRuns: 2000 },
    )
  })

  it('renders Markdown without [[ exactly as markdown-it does', () => {
    fc.assert(
      fc.property(
        markdownish.filter((s) => !s.includes('[[')),
        (src) => {
          expect(withMacros.render(src)).toBe(plain.render(src))
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('round-trips any string through a quoted value', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (value) => {
        const src = `[[m t=${quoteValue(value)} n=1]]`
        const result = scanMacro(src, 0)
        expect(result).toMatchObject({ ok: true, end: src.length, params: { t: value, n: 1 } })
      }),
      { numRuns: 3000 },
    )
  })
})
