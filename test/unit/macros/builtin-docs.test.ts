// docs/builtin-macros.md is made from the built-ins' table (issue 17), the table the runtime
// checks calls against: refresh with `npx vitest run -u` and review the diff like code.

import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BUILTIN_NAMES, BUILTIN_TABLE, renderBuiltin } from '../../../src/macros/builtins/index.js'
import { liquidCall, markdownCall, paramSummary } from '../../../src/macros/index.js'
import { macroInput } from '../../helpers/macro-input.js'

const repo = join(import.meta.dirname, '../../..')
const cell = (text: string) => text.replace(/\|/g, '\\|')

function builtinDocs(): string {
  const lines = [
    '# Built-in macros',
    '',
    '<!-- Made from src/macros/builtins/table.ts by test/unit/macros/builtin-docs.test.ts: edit the',
    '     table, then run `npx vitest run -u test/unit/macros/builtin-docs.test.ts`. -->',
    '',
    'Every built-in macro, its parameters and an example, in Markdown and in a Liquid template.',
    '`bds macros list` prints the same for a site, with its Python macros.',
  ]
  for (const spec of Object.values(BUILTIN_TABLE)) {
    const aliases =
      'aliases' in spec ? ` (alias ${spec.aliases.map((a) => `\`${a}\``).join(', ')})` : ''
    lines.push('', `## \`${spec.name}\`${aliases}`, '', spec.summary, '')
    lines.push('| parameter | type | description |', '| --- | --- | --- |')
    for (const p of spec.params)
      lines.push(`| \`${p.name}\` | ${cell(paramSummary(p))} | ${cell(p.description ?? '')} |`)
    lines.push(
      '',
      '```',
      markdownCall(spec.name, spec.example),
      liquidCall(spec.name, spec.example),
      '```',
    )
  }
  return `${lines.join('\n')}\n`
}

describe('the built-ins table', () => {
  it('is what docs/builtin-macros.md shows', async () => {
    await expect(builtinDocs()).toMatchFileSnapshot(join(repo, 'docs/builtin-macros.md'))
  })

  it('declares every name the runtime answers to', () => {
    const declared = Object.values(BUILTIN_TABLE).flatMap((s) => [
      s.name,
      ...('aliases' in s ? s.aliases : []),
    ])
    expect([...declared].sort()).toEqual([...BUILTIN_NAMES].sort())
  })

  it('has example calls that render without warnings', () => {
    for (const spec of Object.values(BUILTIN_TABLE)) {
      const out = renderBuiltin(macroInput(spec.name, spec.example))
      expect(out.diagnostics, spec.name).toEqual([])
    }
  })

  it('reports an unknown parameter of a built-in with the nearest declared one', () => {
    const out = renderBuiltin(macroInput('gallery', { colums: 2 }))
    expect(out.diagnostics.map((d) => d.message)).toEqual([
      'The gallery macro has no parameter "colums" (did you mean "columns"?); it was ignored.',
    ])
    expect(out.diagnostics[0]?.hint).toBe('Its parameters: columns, caption, link.')
  })

  it('renders a gallery without a post (a list page) as nothing, with a warning', () => {
    const out = renderBuiltin({ ...macroInput('gallery'), post: undefined })
    expect(out.html).toBe('')
    expect(out.diagnostics.map((d) => d.message)).toEqual([
      'The gallery macro shows the images of a post; this page has none, so it shows nothing.',
    ])
  })
})
