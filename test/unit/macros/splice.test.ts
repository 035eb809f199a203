// Rendering once with placeholders and splicing the macros' HTML in afterwards (#16, so the
// rendered Markdown can be cached apart from the macros) gives exactly what rendering with
// the outputs in place gives — for any body, and any choice of resolved and unknown calls.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type MacroEnv, renderPlaceholders, spliceOutputs } from '../../../src/macros/index.js'
import { createMarkdown } from '../../../src/render/index.js'

const md = createMarkdown({ linkify: true, typographer: true })

/** The way the build rendered before: parse, set each resolved call's HTML, render. */
function direct(body: string, outputs: (string | undefined)[]): string {
  const env: MacroEnv = { bds: { file: 'p.md', bodyLine: 3, calls: [], errors: [] } }
  const tokens = md.parse(body, env)
  const bds = env.bds as NonNullable<MacroEnv['bds']>
  bds.outputs = new Map()
  bds.calls.forEach((_, id) => {
    const out = outputs[id]
    if (out !== undefined) bds.outputs?.set(id, out)
  })
  return md.renderer.render(tokens, md.options, env)
}

const piece = fc.constantFrom(
  '[[a]]',
  '[[b x=1]]',
  '[[c t="q ]] r"]]',
  '\\[[esc]]',
  '`[[code]]`',
  '\n\n',
  '\n',
  ' ',
  'text',
  '*em*',
  '> ',
  '- ',
  '# ',
  '```\n[[fenced]]\n```\n',
  '    [[indented]]\n',
  '[[broken x="',
  '<div>[[html]]</div>',
  '[link [[m]]](u)',
)
const body = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''))
const output = fc.option(fc.constantFrom('<b>x</b>', '', '<p>block</p>', '$1 & $& \u00001\u0000'), {
  nil: undefined,
})

describe('macro placeholders', () => {
  it('splice to exactly the direct rendering, resolved or not', () => {
    fc.assert(
      fc.property(body, fc.array(output, { maxLength: 30 }), (src, outs) => {
        const placed = renderPlaceholders(md, src, 'p.md', 3)
        expect(spliceOutputs(md, placed, outs)).toBe(direct(src, outs))
      }),
      { numRuns: 3000 },
    )
  })

  it('keep each call and token error with its position', () => {
    const placed = renderPlaceholders(md, 'A [[x n=1]]\n\n[[y]]\n\n[[bad x="', 'p.md', 3)
    expect(placed.calls.map((c) => [c.name, c.pos.line, c.pos.column, c.block])).toEqual([
      ['x', 3, 3, false],
      ['y', 5, 1, true],
    ])
    expect(placed.errors).toHaveLength(1)
    expect(spliceOutputs(md, placed, ['<i>1</i>'])).toBe(
      '<p>A <i>1</i></p>\n<p>[[y]]</p>\n<p>[[bad x=&quot;</p>\n',
    )
  })
})
