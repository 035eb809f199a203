// The shape of a built-in macro: a name, its aliases and known parameters, and a synchronous
// render that reports bad parameters through a callback instead of throwing.

import type { MacroInput } from '../types.js'

/** Records a parameter problem; the runner turns it into a BDS_MACRO_PARAMS warning. */
export type Report = (message: string) => void

export interface BuiltinMacro {
  name: string
  aliases?: readonly string[]
  /** Parameter names it reads, plus bDS ones it accepts and ignores; others are reported. */
  params: readonly string[]
  /** HTML for the call; '' when a required parameter is missing or invalid. */
  render(input: MacroInput, report: Report): string
}
