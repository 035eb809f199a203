// The scripts step starts the Python pool at once when the site's own templates call a macro
// script, or name a macro with an expression (issue 17); templates that call only built-ins,
// or none, leave it to the first Python token of a post.

import { describe, expect, it } from 'vitest'
import { buildDeps } from '../../../src/build/deps.js'
import { warmForTemplates } from '../../../src/build/steps/scripts.js'
import { loadConfig, resolveConfig } from '../../../src/config/index.js'
import type { PythonStep } from '../../../src/macros/python/index.js'
import type { ScriptRow } from '../../../src/scripts/index.js'
import { inlineSite } from '../../helpers/site.js'

const badge = { id: 'b', slug: 'Badge', path: 'scripts/badge.py', hash: 'h' } as ScriptRow

async function warms(templates: Record<string, string>, rows: ScriptRow[] = [badge]) {
  const files = Object.entries(templates).map(([name, text]) => `-- templates/${name} --\n${text}`)
  const root = inlineSite(['-- bds.config.json --\n{"title": "T"}', ...files].join('\n'))
  const config = resolveConfig(await loadConfig(root), {}, root)
  let warmed = 0
  const python = { warm: () => void warmed++ } as PythonStep
  await warmForTemplates(config, buildDeps(), python, rows)
  return warmed
}

describe('warmForTemplates', () => {
  it('starts the pool when a site template calls a macro script, by tag or filter', async () => {
    expect(await warms({ 'post.liquid': "<p>{% macro 'badge', n: 1 %}</p>" })).toBe(1)
    expect(await warms({ 'base.liquid': '{{ "BADGE" | macro }}' })).toBe(1)
  })

  it('starts it when a name is an expression or the call is in a {% liquid %} block', async () => {
    expect(await warms({ 'post.liquid': '{% macro page.which %}' })).toBe(1)
    expect(await warms({ 'post.liquid': "{% liquid\n  macro 'tag_cloud'\n%}" })).toBe(1)
  })

  it('leaves it alone for built-ins, no calls, no templates or no macro scripts', async () => {
    expect(await warms({ 'list.liquid': "{% macro 'tag_cloud' %}" })).toBe(0)
    expect(await warms({ 'post.liquid': '<p>{{ page.title }}</p>', 'notes.txt': 'macro' })).toBe(0)
    expect(await warms({})).toBe(0)
    expect(await warms({ 'post.liquid': "{% macro 'badge' %}" }, [])).toBe(0)
  })
})
