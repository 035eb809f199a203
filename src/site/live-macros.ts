// Macros in watch mode: re-expand only the posts whose macro output may have changed. A
// post's calls see its own text and URL, site data (tags, media) and the scripts; so an
// edited post with tokens re-runs its own calls, an edited script the calls of the posts that
// name it, and a change to site data (any post's front matter, media files) every call.

import type MarkdownIt from 'markdown-it'
import type { Post } from '../content/index.js'
import type { BdsError } from '../errors/index.js'
import type { MacroEnv } from '../macros/index.js'
import type { RenderedBody } from '../render/index.js'
import { hashText } from '../util/hash.js'
import type { LiveSite } from './live.js'
import { expandMacros, hasMacroToken, type MacroStep } from './macro-step.js'

export interface MacroMemo {
  /** Each post with tokens as last expanded: the diagnostics and call counts of its calls. */
  posts: Map<string, { post: Post; diagnostics: BdsError[]; counts: Record<string, number> }>
  /** Diagnostics not about one call (media sidecars, front matter images). */
  site: BdsError[]
  /** Site data the calls saw (macroSiteKey). */
  key: string
}

/** What changed besides posts: media files, and the scripts ('all', or macro slugs). */
export interface MacroChanges {
  media: boolean
  scripts: Set<string> | 'all'
}

const isCallDiagnostic = (d: BdsError) => d.code.startsWith('BDS_MACRO_') && d.pos !== undefined

function countCalls(md: MarkdownIt, post: Post): Record<string, number> {
  const env: MacroEnv = { bds: { file: post.file, bodyLine: post.bodyLine, calls: [], errors: [] } }
  md.parse(post.body, env)
  const counts: Record<string, number> = {}
  for (const call of env.bds?.calls ?? []) counts[call.name] = (counts[call.name] ?? 0) + 1
  return counts
}

const postKeys = new WeakMap<Post, string>()

/** Site data macros may see: every post's front matter (not its body). */
function macroSiteKey(posts: readonly Post[]): string {
  const keys = posts.map((p) => {
    let key = postKeys.get(p)
    if (key === undefined) {
      const { body: _body, keyLines: _lines, ...data } = p
      key = JSON.stringify(data)
      postKeys.set(p, key)
    }
    return key
  })
  return hashText(keys.join('\n'))
}

function names(post: Post, slugs: Set<string>): boolean {
  const text = post.body.toLowerCase()
  for (const slug of slugs) if (new RegExp(`\\[\\[${slug}(?![A-Za-z0-9_])`).test(text)) return true
  return false
}

export function createMacroMemo(step: MacroStep, posts: readonly Post[], md: MarkdownIt) {
  const memo: MacroMemo = { posts: new Map(), site: [], key: '' }
  const tokens = posts.filter(hasMacroToken)
  record(memo, step, tokens, md)
  if (tokens.length > 0) memo.key = macroSiteKey(posts)
  return memo
}

function record(memo: MacroMemo, step: MacroStep, expanded: readonly Post[], md: MarkdownIt) {
  const files = new Set(expanded.map((p) => p.file))
  const mine = (d: BdsError) => isCallDiagnostic(d) && files.has(d.pos?.file ?? '')
  memo.site = step.diagnostics.filter((d) => !mine(d))
  for (const post of expanded) {
    const diagnostics = step.diagnostics.filter((d) => mine(d) && d.pos?.file === post.file)
    memo.posts.set(post.file, { post, diagnostics, counts: countCalls(md, post) })
  }
}

/** Re-expands what `changes` and the edited posts require; updates `live.bodies`. */
export async function updateMacros(live: LiveSite, posts: Post[], changes: MacroChanges) {
  const memo = live.macros
  const tokens = posts.filter(hasMacroToken)
  const present = new Set(tokens.map((p) => p.file))
  for (const file of memo.posts.keys()) if (!present.has(file)) memo.posts.delete(file)
  if (tokens.length === 0) {
    memo.site = []
    memo.key = ''
    return
  }
  const key = macroSiteKey(posts)
  const all = key !== memo.key || changes.media || changes.scripts === 'all'
  const slugs = changes.scripts === 'all' ? new Set<string>() : changes.scripts
  const redo = tokens.filter(
    (p) => all || memo.posts.get(p.file)?.post !== p || (slugs.size > 0 && names(p, slugs)),
  )
  memo.key = key
  if (redo.length === 0) return
  // Posts outside `redo` go in without their text: they still count for tags and media.
  const chosen = new Set(redo)
  const input =
    redo.length === tokens.length
      ? posts
      : posts.map((p) => (chosen.has(p) ? p : { ...p, body: '' }))
  const { config, deps } = live
  live.python.usePosts(posts)
  const step = await expandMacros(config, input, live.runners, deps.fs)
  record(memo, step, redo, live.md)
  for (const post of redo) {
    const fresh = step.bodies.get(post.file) as RenderedBody
    const old = live.bodies.get(post.file)
    const same = old && old.html === fresh.html && old.excerpt === fresh.excerpt
    live.bodies.set(post.file, same ? old : fresh)
  }
}

/** Diagnostics and call counts of the macro step, as a full build would report them. */
export function macroReport(memo: MacroMemo) {
  const counts: Record<string, number> = {}
  const diagnostics = [...memo.site]
  for (const entry of memo.posts.values()) {
    diagnostics.push(...entry.diagnostics)
    for (const [name, n] of Object.entries(entry.counts)) counts[name] = (counts[name] ?? 0) + n
  }
  return { counts, diagnostics }
}
