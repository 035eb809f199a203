// The shape of a built-in macro: its declaration from the table (name, aliases, parameters)
// and a synchronous render that reports bad parameters through a callback instead of throwing.

import type { MacroInput } from '../types.js'
import type { BuiltinSpec } from './table.js'

/** Records a parameter problem; the runner turns it into a BDS_MACRO_PARAMS warning. */
export type Report = (message: string) => void

export interface BuiltinMacro extends BuiltinSpec {
  /** HTML for the call; '' when a required parameter is missing or invalid. */
  render(input: MacroInput, report: Report): string
}
