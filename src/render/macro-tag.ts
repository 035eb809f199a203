// Macros in templates (issue 17): the `{% macro 'name', key: value … %}` tag and the
// `{{ 'name' | macro: key: value }}` filter. Values are Liquid expressions; what they give
// becomes the call's parameters (a bare `key` is `true`, as a flag is in Markdown). The call
// itself goes to the engine's TemplateMacros, which answers with HTML at once (a built-in)
// or with a placeholder that the pages step replaces once the Python calls of every page ran.

import {
  type Context,
  type Emitter,
  evalToken,
  Hash,
  type Liquid,
  Tag,
  type TagToken,
  type TopLevelToken,
  type ValueToken,
} from 'liquidjs'
import type { SourcePos } from '../errors/index.js'
import type { MacroParams } from '../macros/index.js'

export interface TemplateMacroCall {
  /** As written, lower-cased. */
  name: string
  params: MacroParams
  /** Each value as text. */
  text: Record<string, string>
  /** The tag or filter in its template file. */
  pos: SourcePos
  /** Parameters whose value cannot be a macro parameter (a list, an object): left out. */
  dropped: string[]
}

/** What a template's macro calls go to; each render of a page (or a summary) is bracketed. */
export interface TemplateMacros {
  /** HTML, or a placeholder the pages step replaces. */
  call(call: TemplateMacroCall): string
  enter(scope: Record<string, unknown>): void
  leave(): void
}

/** Where a token is, with its file shown as messages show it. */
export type Locate = (token: { file?: string; getPosition(): number[] }) => SourcePos

/** Liquid values as macro parameters: nil is left out, a date is its ISO text. */
export function toParams(raw: Record<string, unknown>) {
  const params: MacroParams = {}
  const text: Record<string, string> = {}
  const dropped: string[] = []
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined || value === null) continue
    const v = value instanceof Date ? value.toISOString() : value
    if (typeof v === 'string' || typeof v === 'boolean' || Number.isFinite(v)) {
      params[key] = v as string | number | boolean
      text[key] = String(v)
    } else dropped.push(key)
  }
  return { params, text, dropped }
}

function callOf(name: unknown, raw: Record<string, unknown>, pos: SourcePos): TemplateMacroCall {
  return { name: String(name ?? '').toLowerCase(), ...toParams(raw), pos }
}

/** The `macro` tag class for an engine whose calls go to `macros()`. */
export function macroTag(
  macros: () => TemplateMacros | undefined,
  locate: Locate,
): new (
  token: TagToken,
  remain: TopLevelToken[],
  liquid: Liquid,
) => Tag {
  return class MacroTag extends Tag {
    readonly macroName: ValueToken
    readonly hash: Hash

    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
      super(token, remain, liquid)
      const name = this.tokenizer.readValue()
      if (!name) throw new Error(`the macro tag needs a name, e.g. {% macro 'tag_cloud' %}`)
      this.macroName = name
      this.hash = new Hash(this.tokenizer, liquid.options.keyValueSeparator)
    }

    *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      const name = yield evalToken(this.macroName, ctx)
      const raw = (yield this.hash.render(ctx)) as Record<string, unknown>
      const target = macros()
      if (target) emitter.write(target.call(callOf(name, raw, locate(this.token))))
    }

    // For liquidjs's static analysis (page keys in watch mode): the name and the values.
    *arguments(): Generator<ValueToken> {
      yield this.macroName
      for (const v of Object.values(this.hash.hash)) if (v) yield v as ValueToken
    }
  }
}

/** The `macro` filter: `{{ 'tag_cloud' | macro: width: 600 }}`. */
export function macroFilter(macros: () => TemplateMacros | undefined, locate: Locate) {
  return function macro(this: { token: Parameters<Locate>[0] }, name: unknown, ...args: unknown[]) {
    const raw: Record<string, unknown> = {}
    for (const arg of args) if (Array.isArray(arg) && arg.length === 2) raw[String(arg[0])] = arg[1]
    const target = macros()
    return target ? target.call(callOf(name, raw, locate(this.token))) : ''
  }
}

export interface MacroScan {
  used: boolean
  /** Names written as literals, lower-cased. */
  names: Set<string>
  /** Some name is an expression (or the calls are in a {% liquid %} block). */
  dynamic: boolean
}

const TAG = /\{%-?\s*macro\s+(?:(['"])(\w+)\1)?/g
const FILTER = /(?:(['"])(\w+)\1\s*)?\|\s*macro\b/g
const WORD = /\bmacro\b/

/** The macro calls a template's text makes, found without parsing it. */
export function scanMacroCalls(text: string): MacroScan {
  const scan: MacroScan = { used: false, names: new Set(), dynamic: false }
  if (!WORD.test(text)) return scan
  for (const re of [TAG, FILTER]) {
    for (const m of text.matchAll(re)) {
      scan.used = true
      if (m[2]) scan.names.add(m[2].toLowerCase())
      else scan.dynamic = true
    }
  }
  // `macro` in a {% liquid %} block, which the patterns above miss.
  if (!scan.used && /\{%-?\s*liquid\b[\s\S]*\bmacro\b/.test(text)) scan.used = scan.dynamic = true
  return scan
}
