// The markdown-it `env` of a body with macros: where the file starts, the calls and syntax
// errors found while parsing, and (after the macros ran) their HTML by call id.

import type { SourcePos } from '../errors/index.js'
import type { MacroCall } from './types.js'

export interface MacroEnv {
  bds?: {
    file: string
    /** 1-based file line where the body starts. */
    bodyLine: number
    calls: MacroCall[]
    errors: { pos: SourcePos; message: string }[]
    /** HTML of each resolved call by id; a call without an entry stays as written. */
    outputs?: Map<number, string>
  }
}
