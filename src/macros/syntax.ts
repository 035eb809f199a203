// The markdown-it plugin for macro tokens. Why a markdown-it inline rule and not a pre-pass
// over the raw text: markdown-it already knows where code is — fenced and indented code and
// code spans are never inline-parsed, raw HTML blocks neither — so tokens there stay literal
// for free, `\[[` is handled by the escape rule, and a page without `[[` takes the plain
// markdown-it path (the rule returns at the first char that is not a second `[`). Params may
// span lines inside one paragraph; a blank line ends a paragraph and so a token.

import type MarkdownIt from 'markdown-it'
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs'
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs'
import type Token from 'markdown-it/lib/token.mjs'
import { sourceLines } from '../errors/index.js'
import type { MacroEnv } from './env.js'
import { scanMacro } from './scan.js'

function macroRule(state: StateInline, silent: boolean): boolean {
  const start = state.pos
  // In silent mode (markdown-it measuring a link label) a token counts as plain brackets, so
  // a macro inside link text does not look like a nested link.
  if (silent) return false
  if (state.src.charCodeAt(start) !== 0x5b || state.src.charCodeAt(start + 1) !== 0x5b) return false
  const result = scanMacro(state.src, start, state.posMax)
  if (!result) return false
  if (!result.ok) {
    // Left as text, with a zero-width marker that carries the diagnostic.
    const marker = state.push('bds_macro_error', '', 0)
    marker.meta = { offset: result.offset, message: result.message }
    state.pending += '[['
    state.pos = start + 2
    return true
  }
  const token = state.push('bds_macro', '', 0)
  token.content = state.src.slice(start, result.end)
  token.meta = { offset: start, name: result.name, params: result.params, text: result.text }
  state.pos = result.end
  return true
}

/**
 * Positions of offsets in one inline token: the line (0-based, in the body) and column
 * (1-based). The token's line starts are found once and each line's indent once, so locating
 * every token of a paragraph is linear, however many it holds.
 */
function locator(inline: Token, lines: string[]) {
  const content = sourceLines(inline.content)
  const indents = new Map<number, number>()
  return (offset: number): { line: number; column: number } => {
    const at = content.locate(offset)
    const line = (inline.map?.[0] ?? 0) + at.line - 1
    let indent = indents.get(at.line)
    if (indent === undefined) {
      indent = Math.max(0, (lines[line] ?? '').indexOf(content.line(at.line)))
      indents.set(at.line, indent)
    }
    return { line, column: indent + at.column }
  }
}

const isBlank = (t: Token) =>
  (t.type === 'text' && t.content.trim() === '') || t.type === 'softbreak'

/** After inline parsing: positions for every token, and which tokens stand alone in a <p>. */
function collectRule(state: StateCore): void {
  const env = state.env as MacroEnv
  if (!env.bds) return
  let lines: string[] | undefined
  let lastMap: [number, number] | null = null
  for (let i = 0; i < state.tokens.length; i++) {
    const inline = state.tokens[i] as Token
    if (inline.map) lastMap = inline.map
    if (inline.type !== 'inline' || !inline.children) continue
    const found = inline.children.filter(
      (t) => t.type === 'bds_macro' || t.type === 'bds_macro_error',
    )
    if (found.length === 0) continue
    lines ??= state.src.split('\n')
    if (!inline.map && lastMap) inline.map = lastMap
    const alone =
      found.length === 1 &&
      found[0]?.type === 'bds_macro' &&
      inline.children.every((t) => t === found[0] || isBlank(t))
    const open = state.tokens[i - 1]
    const close = state.tokens[i + 1]
    const block =
      alone && open?.type === 'paragraph_open' && !open.hidden && close?.type === 'paragraph_close'
    const locate = locator(inline, lines)
    for (const token of found) {
      const at = locate(token.meta.offset as number)
      const pos = { file: env.bds.file, line: env.bds.bodyLine + at.line, column: at.column }
      if (token.type === 'bds_macro_error') {
        env.bds.errors.push({ pos, message: token.meta.message as string })
        continue
      }
      const id = env.bds.calls.length
      token.meta.id = id
      env.bds.calls.push({
        name: token.meta.name,
        params: token.meta.params,
        text: token.meta.text,
        raw: token.content,
        pos,
        block,
      })
      if (block) {
        ;(open as Token).meta = { bdsMacro: id }
        ;(close as Token).meta = { bdsMacro: id }
      }
    }
  }
}

export function macroPlugin(md: MarkdownIt): void {
  md.inline.ruler.before('link', 'bds_macro', macroRule)
  md.core.ruler.after('inline', 'bds_macro_collect', collectRule)
  const rules = md.renderer.rules
  rules.bds_macro = (tokens, idx, _options, env: MacroEnv) => {
    const token = tokens[idx] as Token
    const output = env.bds?.outputs?.get(token.meta.id as number)
    if (output === undefined) return md.utils.escapeHtml(token.content)
    return env.bds?.calls[token.meta.id as number]?.block ? `${output}\n` : output
  }
  rules.bds_macro_error = () => ''
  // A resolved macro alone in its paragraph replaces the paragraph.
  const spliced = (token: Token, env: MacroEnv) =>
    token.meta?.bdsMacro !== undefined && env.bds?.outputs?.has(token.meta.bdsMacro as number)
  rules.paragraph_open = (tokens, idx, options, env: MacroEnv, self) =>
    spliced(tokens[idx] as Token, env) ? '' : self.renderToken(tokens, idx, options)
  rules.paragraph_close = (tokens, idx, options, env: MacroEnv, self) =>
    spliced(tokens[idx] as Token, env) ? '' : self.renderToken(tokens, idx, options)
}
