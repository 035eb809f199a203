// Build-time syntax highlighting of fenced code with highlight.js (CSS classes, no inline
// styles). Loaded on the first fence with a language: its common languages first, the full set
// only for a name they do not know; a language nobody knows stays plain, escaped text.

import { createRequire } from 'node:module'
import type { HLJSApi } from 'highlight.js'
import type MarkdownIt from 'markdown-it'

const require = createRequire(import.meta.url)

let common: HLJSApi | undefined
let full: HLJSApi | undefined

/** The highlight.js instance that knows `lang`, or undefined when none does. */
function engineFor(lang: string): HLJSApi | undefined {
  common ??= require('highlight.js/lib/common') as HLJSApi
  if (common.getLanguage(lang)) return common
  full ??= require('highlight.js') as HLJSApi
  return full.getLanguage(lang) ? full : undefined
}

/** Highlighted HTML of `code` in `lang`, or undefined when the language is unknown. */
export function highlightCode(code: string, lang: string): string | undefined {
  const engine = engineFor(lang)
  return engine?.highlight(code, { language: lang, ignoreIllegals: true }).value
}

/**
 * Fences with a language: `<pre data-code-language><code class="hljs language-x"
 * data-code-language>` (bDS's attribute, lower case); `hljs` only when highlighted. Fences
 * without a language render as markdown-it renders them.
 */
export function highlightPlugin(md: MarkdownIt): void {
  const plain = md.renderer.rules.fence
  const { escapeHtml, unescapeAll } = md.utils
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const token = tokens[idx]
    const info = token ? unescapeAll(token.info).trim() : ''
    const lang = info.split(/\s+/)[0] ?? ''
    if (!token || !lang || !plain) return plain ? plain(tokens, idx, options, env, self) : ''
    let html: string | undefined
    try {
      html = highlightCode(token.content, lang)
    } catch {
      html = undefined
    }
    const name = escapeHtml(lang.toLowerCase())
    const cls = `${html === undefined ? '' : 'hljs '}${options.langPrefix}${escapeHtml(lang)}`
    const body = html ?? escapeHtml(token.content)
    return `<pre data-code-language="${name}"><code class="${cls}" data-code-language="${name}">${body}</code></pre>\n`
  }
}
