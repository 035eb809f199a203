// A body with macro calls is rendered once with a placeholder for each call, then the calls'
// HTML is spliced in — so the rendered Markdown does not depend on what the macros return and
// can be kept (the build cache) apart from their results. A call without output (an unknown
// macro) comes out exactly as markdown-it renders it unresolved: its text, escaped, in its
// paragraph.

import type MarkdownIt from 'markdown-it'
import type { SourcePos } from '../errors/index.js'
import type { MacroEnv } from './env.js'
import type { MacroCall } from './types.js'

export interface PlaceholderBody {
  /** The HTML with `\u0000N\u0000` where call N goes (markdown-it never emits U+0000). */
  html: string
  calls: MacroCall[]
  errors: { pos: SourcePos; message: string }[]
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: U+0000 is the one mark markdown-it never emits
const PLACEHOLDER = /\u0000(\d+)\u0000/g

/** Parses and renders `body` (of `file`, starting at `bodyLine`) with a placeholder per call. */
export function renderPlaceholders(
  md: MarkdownIt,
  body: string,
  file: string,
  bodyLine: number,
): PlaceholderBody {
  const env: MacroEnv = { bds: { file, bodyLine, calls: [], errors: [] } }
  const tokens = md.parse(body, env)
  const bds = env.bds as NonNullable<MacroEnv['bds']>
  // Every call counts as resolved, so a call alone in its paragraph replaces the paragraph.
  bds.outputs = new Map(bds.calls.map((_, id) => [id, `\u0000${id}\u0000`]))
  const html = md.renderer.render(tokens, md.options, env)
  return { html, calls: bds.calls, errors: bds.errors }
}

/** The HTML with each call's output, or the call as written where it has none. */
export function spliceOutputs(
  md: MarkdownIt,
  body: PlaceholderBody,
  outputs: readonly (string | undefined)[],
): string {
  if (body.calls.length === 0) return body.html
  return body.html.replace(PLACEHOLDER, (_, id: string) => {
    const output = outputs[Number(id)]
    if (output !== undefined) return output
    const call = body.calls[Number(id)] as MacroCall
    const text = md.utils.escapeHtml(call.raw)
    return call.block ? `<p>${text}</p>` : text
  })
}
