// A Python macro's declaration: the parameters of its entrypoint's signature (read with
// `ast` when the script is checked) merged with its header's `params:` list, the header
// winning field by field. A script that declares neither keeps today's behaviour: every
// parameter passes unchecked.

import type { Signature } from '../../python/index.js'
import type { HeaderParam } from '../../scripts/index.js'
import type { MacroDeclaration, MacroParam } from '../index.js'
import type { MacroParams } from '../types.js'

export interface PythonDeclaration extends MacroDeclaration {
  /** Names the entrypoint takes as keyword arguments. */
  keywords: ReadonlySet<string>
}

export function declarationOf(
  header: readonly HeaderParam[] | null,
  signature: Signature | undefined,
): PythonDeclaration | undefined {
  const named = signature?.params ?? []
  if (named.length === 0 && !header?.length) return undefined
  const merged = new Map<string, MacroParam>()
  for (const p of named) merged.set(p.name, { ...p })
  for (const p of header ?? []) {
    const both: MacroParam = { ...merged.get(p.name), ...p }
    if (both.default !== undefined) delete both.required
    merged.set(p.name, both)
  }
  return {
    params: [...merged.values()],
    open: signature?.open ?? false,
    keywords: new Set(named.map((p) => p.name)),
  }
}

/** The checked values the entrypoint takes as keyword arguments (all of them with **kwargs). */
export function keywordArguments(declaration: PythonDeclaration, params: MacroParams): MacroParams {
  if (declaration.open) return params
  const out: MacroParams = {}
  for (const [key, value] of Object.entries(params))
    if (declaration.keywords.has(key)) out[key] = value
  return out
}
