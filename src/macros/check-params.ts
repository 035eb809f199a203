// checkParams: a call's parameters against its macro's declaration — an unknown name is a
// warning with the nearest declared name, a value of another type is converted when nothing
// is lost (`"3"` for an int, `3` for a str) and reported otherwise, defaults fill what the
// call left out, and a required parameter the call lacks stops the call. Pure.

import { BdsError, type SourcePos } from '../errors/index.js'
import { suggest } from '../util/suggest.js'
import type { MacroDeclaration, MacroParam } from './declare.js'
import type { MacroParams, MacroValue } from './types.js'

export interface ParamCheck {
  /** The call's values, converted, with the defaults added. */
  params: MacroParams
  diagnostics: BdsError[]
  /** Required parameters the call lacks: it should not run. */
  missing: string[]
}

export interface CheckedCall {
  params: MacroParams
  /** Each value as written. */
  text: Record<string, string>
  pos: SourcePos
}

const INT = /^[+-]?\d+$/
const FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/

/** The value as `type`, when it converts without loss; undefined when it does not. */
export function convertValue(value: MacroValue, written: string, param: MacroParam) {
  switch (param.type) {
    case 'any':
      return value
    case 'str':
      return typeof value === 'string' ? value : written
    case 'int': {
      if (typeof value === 'number') return Number.isInteger(value) ? value : undefined
      const n = typeof value === 'string' && INT.test(value.trim()) ? Number(value) : Number.NaN
      return Number.isSafeInteger(n) ? n : undefined
    }
    case 'float':
      if (typeof value === 'number') return value
      return typeof value === 'string' && FLOAT.test(value.trim()) ? Number(value) : undefined
    case 'bool':
      if (typeof value === 'boolean') return value
      if (value === 'true' || value === 1) return true
      if (value === 'false' || value === 0) return false
      return undefined
  }
}

const shown = (value: MacroValue) => JSON.stringify(value)
const WANTED = { str: 'a string', int: 'a whole number', float: 'a number', bool: 'true or false' }

/**
 * Checks `call` against `declaration`. `who` names the macro in messages (`The gallery
 * macro`); with `convert: false` only names are checked (the built-ins read their own values).
 */
export function checkParams(
  call: CheckedCall,
  declaration: MacroDeclaration,
  who: string,
  options: { convert?: boolean } = {},
): ParamCheck {
  const convert = options.convert ?? true
  const byName = new Map(declaration.params.map((p) => [p.name, p]))
  const names = declaration.params.map((p) => p.name)
  const diagnostics: BdsError[] = []
  const warn = (message: string, hint?: string) =>
    diagnostics.push(
      new BdsError('BDS_MACRO_PARAMS', message, { pos: call.pos, severity: 'warning', hint }),
    )
  const params: MacroParams = {}
  for (const [key, value] of Object.entries(call.params)) {
    const param = byName.get(key)
    if (!param) {
      if (declaration.open) params[key] = value
      else {
        const near = suggest(key, names)
        const mean = near ? ` (did you mean "${near}"?)` : ''
        const known = names.length ? `Its parameters: ${names.join(', ')}.` : 'It takes none.'
        warn(`${who} has no parameter "${key}"${mean}; it was ignored.`, known)
      }
      continue
    }
    if (!convert) {
      params[key] = value
      continue
    }
    const converted = convertValue(value, call.text[key] ?? String(value), param)
    const fallback =
      param.default !== undefined ? `using ${shown(param.default)}` : 'it was ignored'
    if (converted === undefined) {
      warn(
        `${who}: "${key}" takes ${WANTED[param.type as keyof typeof WANTED]}, not ${shown(value)}; ${fallback}.`,
      )
      continue
    }
    if (param.choices && !param.choices.includes(converted as string | number)) {
      const list = param.choices.map((c) => shown(c)).join(', ')
      const near =
        typeof converted === 'string' ? suggest(converted, param.choices.map(String)) : undefined
      const mean = near ? ` (did you mean "${near}"?)` : ''
      warn(`${who}: "${key}" is one of ${list}, not ${shown(converted)}${mean}; ${fallback}.`)
      continue
    }
    params[key] = converted
  }
  const missing: string[] = []
  if (convert) {
    for (const param of declaration.params) {
      if (param.name in params) continue
      if (param.default !== undefined) params[param.name] = param.default
      else if (param.required) missing.push(param.name)
    }
  }
  if (missing.length) {
    const list = missing.map((m) => `"${m}"`).join(', ')
    warn(`${who} needs ${list}; it did not run.`)
  }
  return { params, diagnostics, missing }
}
