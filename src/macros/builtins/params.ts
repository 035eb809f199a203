// Parameter readers shared by the built-ins. Values arrive typed (`3`) or as strings (`"3"`,
// and always with `stringParams`); every reader accepts both forms.

import type { MacroParams } from '../types.js'
import type { Report } from './macro.js'
import { type BuiltinSpec, paramOf } from './table.js'

/** A parameter as trimmed text; undefined when absent or empty. `true` reads as "true". */
export function textParam(params: MacroParams, key: string): string | undefined {
  const value = params[key]
  if (value === undefined) return undefined
  const text = String(value).trim()
  return text === '' ? undefined : text
}

export interface IntRule {
  macro: string
  key: string
  min: number
  max: number
  /** What happens instead, for the message: "using 3". */
  otherwise: string
}

/** A whole number in [min, max] given as `3` or `"3"`; anything else is reported → undefined. */
export function intParam(params: MacroParams, rule: IntRule, report: Report): number | undefined {
  const value = params[rule.key]
  if (value === undefined) return undefined
  const text = String(value).trim()
  const n = typeof value === 'number' ? value : /^[+-]?\d+$/.test(text) ? Number(text) : Number.NaN
  if (Number.isInteger(n) && n >= rule.min && n <= rule.max) return n
  report(
    `The ${rule.macro} parameter ${rule.key} must be a whole number from ${rule.min} to ` +
      `${rule.max}, not ${JSON.stringify(value)}; ${rule.otherwise}.`,
  )
  return undefined
}

/** The rule of a declared int parameter: its bounds, and its default (if any) as the fallback. */
export function intRule(spec: BuiltinSpec, key: string, macro = spec.name): IntRule {
  const param = paramOf(spec, key)
  const otherwise = param.default === undefined ? 'it was ignored' : `using ${param.default}`
  return { macro, key, min: param.min ?? -Infinity, max: param.max ?? Infinity, otherwise }
}

/** A declared int parameter's default. */
export const intDefault = (spec: BuiltinSpec, key: string) => paramOf(spec, key).default as number
