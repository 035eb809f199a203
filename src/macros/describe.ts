// Macros described for people: example calls in Markdown (`[[gallery columns=3]]`) and in
// Liquid (`{% macro 'gallery', columns: 3 %}`), and a parameter's type and default in words.
// Used by `bds macros` and the generated docs/builtin-macros.md.

import { defaultText, type MacroParam } from './declare.js'
import { quoteValue } from './scan.js'
import type { MacroParams, MacroValue } from './types.js'

const bare = (value: MacroValue) => (typeof value === 'string' ? quoteValue(value) : String(value))

/** `[[name key=value …]]`; strings are quoted so they stay strings. */
export function markdownCall(name: string, params: MacroParams): string {
  const parts = Object.entries(params).map(([k, v]) => `${k}=${bare(v)}`)
  return `[[${[name, ...parts].join(' ')}]]`
}

/** `{% macro 'name', key: value … %}`. */
export function liquidCall(name: string, params: MacroParams): string {
  const parts = Object.entries(params).map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
  return `{% macro ${[`'${name}'`, ...parts].join(', ')} %}`
}

/** A value standing for a parameter in a generated example. */
function sample(param: MacroParam): MacroValue {
  if (param.default !== undefined) return param.default
  if (param.choices?.[0] !== undefined) return param.choices[0]
  return { str: 'text', int: 1, float: 1.5, bool: true, any: 'value' }[param.type]
}

/** An example call's parameters: the required ones and those with a default. */
export function exampleParams(params: readonly MacroParam[]): MacroParams {
  const shown = params.filter((p) => p.required || p.default !== undefined)
  return Object.fromEntries(shown.map((p) => [p.name, sample(p)]))
}

/** `int, default 3` · `str, required` · `any`. */
export function paramSummary(param: MacroParam): string {
  const parts: string[] = [param.type]
  const fallback = defaultText(param)
  if (param.required) parts.push('required')
  else if (fallback !== undefined) parts.push(`default ${fallback}`)
  if (param.choices) parts.push(`one of ${param.choices.map((c) => JSON.stringify(c)).join(', ')}`)
  return parts.join(', ')
}
