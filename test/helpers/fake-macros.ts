// A fake MacroRunner for tokenizer tests: renders `<x-NAME key=value …/>` so a test shows
// every parsed name, key, value and type (strings quoted, numbers and booleans bare).
// Names starting with "no" are unknown.

import type { MacroInput, MacroOutput, MacroRunner } from '../../src/macros/index.js'

export function renderFake(input: MacroInput): string {
  const attrs = Object.entries(input.call.params).map(([k, v]) =>
    typeof v === 'string'
      ? ` ${k}="${v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"`
      : ` ${k}=${v}`,
  )
  return `<x-${input.call.name}${attrs.join('')}/>`
}

export const fakeRunner: MacroRunner = {
  has: (name) => !name.startsWith('no'),
  run: async (batch) =>
    batch.map((input): MacroOutput => ({ html: renderFake(input), diagnostics: [] })),
}
