// Rendered Markdown in the build cache, keyed by the body's text, the Markdown options and
// the engine: a plain body as its HTML, a body with `[[` as HTML with a placeholder per macro
// call plus the calls and token errors (lines counted from the body, so a longer front matter
// or another file name does not change the key). A first build (an empty cache) keeps what it
// rendered by text and keys and stores it at its end (BuildCache.later).

import type MarkdownIt from 'markdown-it'
import { type BuildCache, cacheKey } from '../../cache/index.js'
import type { Post } from '../../content/index.js'
import { type MacroCall, type PlaceholderBody, renderPlaceholders } from '../../macros/index.js'
import type { MarkdownOptions } from '../../render/index.js'

type StoredCall = Omit<MacroCall, 'pos'> & { line: number; column: number }
interface Stored {
  html: string
  calls?: StoredCall[]
  errors?: { line: number; column: number; message: string }[]
}

export interface BodyCache {
  /** A plain body's stored HTML (counted as cached), or undefined. */
  html(body: string): string | undefined
  /** Stores a plain body's HTML (counted as computed). */
  putHtml(body: string, html: string): void
  /** True when the post's Markdown is stored (its macros probably are too). */
  known(post: Post): boolean
  /**
   * The post rendered with placeholders: stored, else `rendered` (a render worker's) or
   * rendered now, and stored.
   */
  placeholders(md: MarkdownIt, post: Post, rendered?: PlaceholderBody): PlaceholderBody
}

export function createBodyCache(cache: BuildCache, options: MarkdownOptions): BodyCache {
  const markdown = JSON.stringify(options)
  /** A plain body's key, and a body's with macro calls (rendered with placeholders). */
  const keyOf = {
    plain: (body: string) => cacheKey('markdown', markdown, body),
    calls: (body: string) => cacheKey('markdown+macros', markdown, body),
  }
  type Kind = keyof typeof keyOf
  /** A first build's bodies by text: stored when it settles, found here meanwhile. */
  const fresh: Record<Kind, Map<string, Stored>> = { plain: new Map(), calls: new Map() }
  const find = (kind: Kind, body: string): Stored | undefined => {
    if (!cache.enabled) return undefined
    if (cache.cold()) return fresh[kind].get(body)
    const text = cache.get('markdown', keyOf[kind](body))
    return text === undefined ? undefined : (JSON.parse(text) as Stored)
  }
  const put = (kind: Kind, body: string, value: Stored) => {
    if (!cache.enabled) return
    const store = () => cache.put('markdown', keyOf[kind](body), JSON.stringify(value))
    if (!cache.cold()) return store()
    fresh[kind].set(body, value)
    cache.later(() => {
      fresh[kind].delete(body)
      store()
    })
  }
  return {
    html(body) {
      const html = find('plain', body)?.html
      if (html !== undefined) cache.count('markdown', true)
      return html
    },
    putHtml(body, html) {
      cache.count('markdown', false)
      put('plain', body, { html })
    },
    known: (post) =>
      !cache.cold() && find(post.body.includes('[[') ? 'calls' : 'plain', post.body) !== undefined,
    placeholders(md, post, rendered) {
      const found = find('calls', post.body)
      if (found) {
        cache.count('markdown', true)
        return restore(found, post)
      }
      cache.count('markdown', false)
      const body = rendered ?? renderPlaceholders(md, post.body, post.file, post.bodyLine)
      put('calls', post.body, toStored(body, post.bodyLine))
      return body
    },
  }
}

function toStored(body: PlaceholderBody, bodyLine: number): Stored {
  const at = (pos: { line: number; column: number }) => ({
    line: pos.line - bodyLine,
    column: pos.column,
  })
  return {
    html: body.html,
    calls: body.calls.map(({ pos, ...call }) => ({ ...call, ...at(pos) })),
    errors: body.errors.map((e) => ({ ...at(e.pos), message: e.message })),
  }
}

function restore(stored: Stored, post: Post): PlaceholderBody {
  const pos = (line: number, column: number) => ({
    file: post.file,
    line: post.bodyLine + line,
    column,
  })
  return {
    html: stored.html,
    calls: (stored.calls ?? []).map(({ line, column, ...call }) => ({
      ...call,
      pos: pos(line, column),
    })),
    errors: (stored.errors ?? []).map((e) => ({ pos: pos(e.line, e.column), message: e.message })),
  }
}
