// The macro step: expands the posts whose calls may give a different result than last time —
// every post with tokens in a full build; in a rebuild those whose own text changed, those
// naming a changed script, and all of them when the site data calls see (any post's front
// matter, media files) changed, and those whose calls read a data file that changed. What
// each post's calls reported (and read) is kept for the next rebuild.

import type MarkdownIt from 'markdown-it'
import type { ResolvedConfig } from '../../config/index.js'
import type { MediaResult, Post, PostMeta } from '../../content/index.js'
import type { BdsError } from '../../errors/index.js'
import type { ImageLookup, MacroRunner } from '../../macros/index.js'
import type { RenderedBody } from '../../render/index.js'
import type { SiteIndex } from '../../site/index.js'
import { hashText } from '../../util/hash.js'
import type { CapturedOutput } from '../report.js'
import type { BodyCache } from './body-cache.js'
import {
  type Expansion,
  expandMacros,
  hasMacroToken,
  type PostMacros,
  type RenderedPlaceholders,
} from './expand.js'

export interface MacroMemo {
  /** Each post with tokens as last expanded, with what its calls reported. */
  posts: ReadonlyMap<string, PostMacros & { post: PostMeta }>
  /** Diagnostics not about one call (media sidecars, a script that does not parse). */
  site: BdsError[]
  /** The site data the calls saw (only kept across rebuilds). */
  key: string
}

export const emptyMacroMemo: MacroMemo = { posts: new Map(), site: [], key: '' }

/** What changed besides posts: everything, media files, the scripts ('all', or slugs), data files. */
export interface MacroChanges {
  all: boolean
  media: boolean
  scripts: Set<string> | 'all'
  /** Names of the data files that changed (a rebuild). */
  data?: ReadonlySet<string>
}

const postKeys = new WeakMap<PostMeta, string>()

/** Site data macros may see: every post's front matter (not its body). */
export function macroSiteKey(posts: readonly Post[]): string {
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

export interface MacroPlan {
  /** Posts to expand now. */
  redo: Post[]
  /** The memo without posts that no longer hold tokens. */
  memo: MacroMemo
}

/** Which posts to expand: `keep` computes the site key a next rebuild compares with. */
export function planMacros(
  posts: readonly Post[],
  memo: MacroMemo,
  changes: MacroChanges,
  keep: boolean,
): MacroPlan {
  const tokens = posts.filter(hasMacroToken)
  if (tokens.length === 0) return { redo: [], memo: emptyMacroMemo }
  const present = new Set(tokens.map((p) => p.file))
  const kept = new Map([...memo.posts].filter(([file]) => present.has(file)))
  const key = keep ? macroSiteKey(posts) : ''
  const all = changes.all || key !== memo.key || changes.media || changes.scripts === 'all'
  const slugs = changes.scripts === 'all' ? new Set<string>() : changes.scripts
  const data = changes.data ?? new Set<string>()
  const readChanged = (file: string) =>
    data.size > 0 && (kept.get(file)?.reads ?? []).some((name) => name === '*' || data.has(name))
  const redo = tokens.filter(
    (p) =>
      all ||
      kept.get(p.file)?.post !== p ||
      (slugs.size > 0 && names(p, slugs)) ||
      readChanged(p.file),
  )
  return { redo, memo: { ...memo, posts: kept, key } }
}

/** The memo after an expansion of `redo`. */
export function recordMacros(memo: MacroMemo, redo: readonly Post[], run: Expansion): MacroMemo {
  const posts = new Map(memo.posts)
  for (const post of redo)
    posts.set(post.file, { post, ...(run.posts.get(post.file) as PostMacros) })
  return { ...memo, posts, site: run.site }
}

/** Keeps the old body object where the HTML did not change, so its page is not rendered again. */
export function mergeBodies(
  known: Map<string, RenderedBody>,
  fresh: ReadonlyMap<string, RenderedBody>,
): void {
  for (const [file, body] of fresh) {
    const old = known.get(file)
    const same = old && old.html === body.html && old.excerpt === body.excerpt
    known.set(file, same ? old : body)
  }
}

export interface MacroStepInput {
  config: ResolvedConfig
  md: MarkdownIt
  /** Every post, in content order. */
  posts: readonly Post[]
  index: SiteIndex
  media: () => Promise<MediaResult>
  runners: readonly MacroRunner[]
  memo: MacroMemo
  changes: MacroChanges
  keep: boolean
  /** Rendered bodies by file: the expanded posts' are set. */
  bodies: Map<string, RenderedBody>
  /** Rendered Markdown with placeholders, from the build cache or rendered now. */
  cache: BodyCache
  /** Bodies a render worker already rendered with placeholders. */
  rendered?: RenderedPlaceholders
  /** The resized variants galleries link to. */
  images?: ImageLookup
}

export async function runMacroStep(input: MacroStepInput) {
  const plan = planMacros(input.posts, input.memo, input.changes, input.keep)
  if (plan.redo.length === 0) return { memo: plan.memo, captured: [] as CapturedOutput[] }
  const { config, md, index, runners } = input
  const media = await input.media()
  const run = await expandMacros(
    config,
    md,
    plan.redo,
    index,
    media,
    runners,
    input.cache,
    input.rendered,
    input.images,
  )
  mergeBodies(input.bodies, run.bodies)
  return { memo: recordMacros(plan.memo, plan.redo, run), captured: run.captured }
}

/** Diagnostics and call counts of the macro step, as a full build reports them. */
export function macroReport(memo: MacroMemo) {
  const counts: Record<string, number> = {}
  const diagnostics = [...memo.site]
  for (const entry of memo.posts.values()) {
    diagnostics.push(...entry.diagnostics)
    for (const [name, n] of Object.entries(entry.counts)) counts[name] = (counts[name] ?? 0) + n
  }
  return { counts, diagnostics }
}
