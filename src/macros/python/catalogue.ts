// Every macro a site can call, as `bds macros` shows it: the built-ins from their table, then
// the site's `kind: macro` scripts from the script index — their declared parameters (header
// and entrypoint signature merged, as a build checks calls), where each is defined, whether
// it is enabled, and an example call. The `--json` form is docs/schemas/macros-list.schema.json.

import type { ScriptRow } from '../../scripts/index.js'
import { BUILTIN_TABLE, builtinSpec } from '../builtins/index.js'
import {
  exampleParams,
  liquidCall,
  type MacroParam,
  type MacroParams,
  markdownCall,
} from '../index.js'
import { declarationOf } from './declared.js'

/** Version of the `bds macros list --json` format; a change that is not additive bumps it. */
export const MACROS_FORMAT = 1

export interface MacroInfo {
  name: string
  aliases: string[]
  source: 'builtin' | 'python'
  /** The script, relative to the site (Python). */
  file?: string
  /** The line of the entrypoint's `def`, once the script was checked. */
  line?: number
  enabled: boolean
  /** A built-in of the same name is called instead. */
  shadowed: boolean
  summary?: string
  /** Whether it declares its parameters; one that does not takes any. */
  declared: boolean
  /** Takes parameters it does not declare too (`**kwargs`). */
  open: boolean
  params: MacroParam[]
  example: { markdown: string; liquid: string }
  /** The script's last check: `ok`, `error: …`; absent for built-ins. */
  status?: string
}

const example = (name: string, params: MacroParams) => ({
  markdown: markdownCall(name, params),
  liquid: liquidCall(name, params),
})

/** The first paragraph of a text, on one line. */
const paragraph = (text: string | null | undefined) =>
  text
    ?.trim()
    .split(/\n\s*\n/)[0]
    ?.replace(/\s+/g, ' ') || undefined

function python(row: ScriptRow): MacroInfo {
  const signature = row.signature ?? undefined
  const declaration = declarationOf(row.params, signature)
  const params = [...(declaration?.params ?? [])]
  const title = row.title !== row.slug ? row.title : undefined
  return {
    name: row.slug.toLowerCase(),
    aliases: [],
    source: 'python',
    file: row.path,
    ...(signature ? { line: signature.line } : {}),
    enabled: row.enabled,
    shadowed: builtinSpec(row.slug.toLowerCase()) !== undefined,
    summary: signature?.doc ?? paragraph(row.doc) ?? title,
    declared: declaration !== undefined,
    open: declaration?.open ?? false,
    params,
    example: example(row.slug.toLowerCase(), exampleParams(params)),
    ...(row.syntaxStatus ? { status: row.syntaxStatus } : {}),
  }
}

/** Built-ins in table order, then the macro scripts by name. */
export function macroCatalogue(rows: readonly ScriptRow[]): MacroInfo[] {
  const builtins = Object.values(BUILTIN_TABLE).map(
    (spec): MacroInfo => ({
      name: spec.name,
      aliases: 'aliases' in spec ? [...spec.aliases] : [],
      source: 'builtin',
      enabled: true,
      shadowed: false,
      summary: spec.summary,
      declared: true,
      open: false,
      params: [...spec.params],
      example: example(spec.name, spec.example),
    }),
  )
  const scripts = rows
    .filter((r) => r.kind === 'macro')
    .map(python)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return [...builtins, ...scripts]
}
