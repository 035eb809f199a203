// What a macro says it takes: its parameters with a type, a default and a description. The
// built-ins declare theirs in one table (builtins/table.ts); a Python macro in its
// entrypoint's signature or its header's `params:` list (docs/python.md).

import type { MacroValue } from './types.js'

export type ParamType = 'str' | 'int' | 'float' | 'bool' | 'any'
export const PARAM_TYPES: readonly ParamType[] = ['str', 'int', 'float', 'bool', 'any']

export interface MacroParam {
  name: string
  type: ParamType
  /** The value a call that leaves the parameter out gets. */
  default?: MacroValue
  /** A default shown as written, when it is not a plain value (Python: `datetime.now()`). */
  defaultText?: string
  /** A call without it is reported and does not run. */
  required?: boolean
  description?: string
  /** The only values it accepts. */
  choices?: readonly (string | number)[]
  /** Bounds of a number (the built-ins check them themselves). */
  min?: number
  max?: number
}

export interface MacroDeclaration {
  params: readonly MacroParam[]
  /** Takes parameters it does not declare as well (a Python `**kwargs`). */
  open?: boolean
}

/** A parameter's default as a call would write it: `3`, `"light"`, `true`. */
export function defaultText(param: MacroParam): string | undefined {
  if (param.default !== undefined)
    return typeof param.default === 'string' ? JSON.stringify(param.default) : String(param.default)
  return param.defaultText
}
