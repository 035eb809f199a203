// The built-in macros as one MacroRunner: youtube, vimeo, gallery, photo_archive (alias
// photo_album) and tag_cloud. Rendering is synchronous; a batch never rejects.

import { BdsError } from '../../errors/index.js'
import { checkParams } from '../index.js'
import type { MacroInput, MacroOutput, MacroRunner } from '../types.js'
import { builtinCacheKeys } from './cache-keys.js'
import { gallery } from './gallery.js'
import type { BuiltinMacro } from './macro.js'
import { photoArchive } from './photo-archive.js'
import type { BuiltinSpec } from './table.js'
import { tagCloud } from './tag-cloud.js'
import { vimeo } from './vimeo.js'
import { youtube } from './youtube.js'

export type { BuiltinMacro, Report } from './macro.js'
export { BUILTIN_TABLE, type BuiltinSpec } from './table.js'

export const BUILTIN_MACROS: readonly BuiltinMacro[] = [
  youtube,
  vimeo,
  gallery,
  photoArchive,
  tagCloud,
]

const byName = new Map<string, BuiltinMacro>(
  BUILTIN_MACROS.flatMap((m) => [m.name, ...(m.aliases ?? [])].map((n) => [n, m] as const)),
)

/** Every name a built-in answers to, aliases included. */
export const BUILTIN_NAMES: readonly string[] = [...byName.keys()]

/** The built-in answering to `name` (an alias too), or undefined. */
export const builtinSpec = (name: string): BuiltinSpec | undefined => byName.get(name)

/** Runs one call; parameter problems become warnings, a throw becomes BDS_MACRO_FAILED. */
export function renderBuiltin(input: MacroInput): MacroOutput {
  const { name, pos } = input.call
  const diagnostics: BdsError[] = []
  const report = (message: string) => {
    diagnostics.push(new BdsError('BDS_MACRO_PARAMS', message, { pos, severity: 'warning' }))
  }
  try {
    const macro = byName.get(name)
    if (!macro) throw new Error(`there is no built-in macro named "${name}"`)
    // Names only: each built-in reads its values itself, with the table's bounds and defaults.
    const check = checkParams(input.call, macro, `The ${name} macro`, { convert: false })
    diagnostics.push(...check.diagnostics)
    return { html: macro.render(input, report), diagnostics }
  } catch (error) {
    const cause = error instanceof Error ? error.message : String(error)
    return {
      html: '',
      diagnostics: [
        new BdsError('BDS_MACRO_FAILED', `${name} failed: ${cause}`, {
          pos,
          severity: 'error',
          cause: error,
        }),
      ],
    }
  }
}

export function createBuiltinRunner(): MacroRunner {
  return {
    has: (name) => byName.has(name),
    run: (batch) => Promise.resolve(batch.map(renderBuiltin)),
    cacheKeys: builtinCacheKeys,
    names: () => BUILTIN_NAMES,
  }
}
