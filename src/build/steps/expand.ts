// expandMacros: collect every `[[…]]` call of the given posts, run them (each runner gets one
// batch per chunk of 500 posts, the first running while the next is prepared) and splice the
// results into each post's Markdown, rendered once with a placeholder per call (kept in the
// build cache; a render worker may have rendered it already). The calls see the site through
// the index (tags with their URLs, media). Diagnostics come back per post (the calls' own) and
// site-wide (media sidecars, a Python script that does not parse).

import type MarkdownIt from 'markdown-it'
import type { ResolvedConfig } from '../../config/index.js'
import type { MediaResult, Post } from '../../content/index.js'
import { BdsError } from '../../errors/index.js'
import {
  type ImageLookup,
  type MacroInput,
  type MacroRunner,
  type PlaceholderBody,
  runMacros,
  spliceOutputs,
} from '../../macros/index.js'
import { dataReads } from '../../macros/python/index.js'
import { type RenderedBody, withExcerpt } from '../../render/index.js'
import type { SiteIndex } from '../../site/index.js'
import type { CapturedOutput } from '../report.js'
import { macroSiteOf } from '../template-macros.js'
import type { BodyCache } from './body-cache.js'

export interface PostMacros {
  diagnostics: BdsError[]
  /** Calls per macro name. */
  counts: Record<string, number>
  /**
   * The data files its calls read (`bds.data`; `*`: any): a change to one of them expands it
   * again.
   */
  reads: string[]
}

export interface Expansion {
  bodies: Map<string, RenderedBody>
  posts: Map<string, PostMacros>
  /** Diagnostics not about one call. */
  site: BdsError[]
  /** What Python macros printed, by token. */
  captured: CapturedOutput[]
}

export const hasMacroToken = (post: Post) => post.body.includes('[[')

const syntaxError = (e: { pos: BdsError['pos']; message: string }) =>
  new BdsError('BDS_MACRO_SYNTAX', `${e.message} It was left as text.`, {
    pos: e.pos,
    severity: 'warning',
  })

/** Posts whose calls go to the runners together: the first run while the next are prepared. */
const CHUNK = 500

/** A render worker's placeholder rendering of a post, if it made one. */
export type RenderedPlaceholders = (file: string) => Promise<PlaceholderBody | undefined>

export async function expandMacros(
  config: ResolvedConfig,
  md: MarkdownIt,
  posts: readonly Post[],
  index: SiteIndex,
  media: MediaResult,
  runners: readonly MacroRunner[],
  cache: BodyCache,
  rendered?: RenderedPlaceholders,
  images?: ImageLookup,
): Promise<Expansion> {
  const out: Expansion = { bodies: new Map(), posts: new Map(), site: [], captured: [] }
  out.site.push(...media.diagnostics)
  const site = macroSiteOf(config, index, media.items, images)
  const parts: Promise<Expansion>[] = []
  for (let start = 0; start < posts.length; start += CHUNK) {
    const chunk = posts.slice(start, start + CHUNK)
    const ready = await Promise.all(chunk.map((post) => rendered?.(post.file)))
    const parsed = chunk.map((post, i) => ({
      post,
      body: cache.placeholders(md, post, ready[i]),
    }))
    const part = expandPart(config, md, parsed, index, site, runners)
    part.catch(() => {}) // awaited below, after the other parts have been sent
    parts.push(part)
    // Its calls leave for the runners before the next chunk is prepared.
    await new Promise((resolve) => setImmediate(resolve))
  }
  // A runner reports its own problems (a script that does not parse) with every part.
  const seen = new Set<BdsError>(out.site)
  for (const part of await Promise.all(parts)) {
    for (const [file, body] of part.bodies) out.bodies.set(file, body)
    for (const [file, mine] of part.posts) out.posts.set(file, mine)
    for (const d of part.site) {
      if (seen.has(d)) continue
      seen.add(d)
      out.site.push(d)
    }
    out.captured.push(...part.captured)
  }
  return out
}

async function expandPart(
  config: ResolvedConfig,
  md: MarkdownIt,
  parsed: readonly { post: Post; body: PlaceholderBody }[],
  index: SiteIndex,
  site: MacroInput['site'],
  runners: readonly MacroRunner[],
): Promise<Expansion> {
  const out: Expansion = { bodies: new Map(), posts: new Map(), site: [], captured: [] }
  const inputs: MacroInput[] = []
  const owners: { html: (string | undefined)[]; id: number }[] = []
  const spliced = parsed.map(({ post, body }) => {
    const mine: PostMacros = {
      diagnostics: body.errors.map(syntaxError),
      counts: {},
      reads: [],
    }
    out.posts.set(post.file, mine)
    const url = index.urls.get(post) as string
    const html: (string | undefined)[] = new Array(body.calls.length)
    body.calls.forEach((call, id) => {
      mine.counts[call.name] = (mine.counts[call.name] ?? 0) + 1
      const params = config.macros.stringParams ? call.text : call.params
      inputs.push({ call: { ...call, params }, post, url, site })
      owners.push({ html, id })
    })
    return html
  })
  const run = await runMacros(inputs, runners)
  for (const d of run.diagnostics) {
    const mine = d.code.startsWith('BDS_MACRO_') && out.posts.get(d.pos?.file ?? '')
    if (mine) mine.diagnostics.push(d)
    else out.site.push(d)
  }
  run.outputs.forEach((output, i) => {
    const { html, id } = owners[i] as { html: (string | undefined)[]; id: number }
    if (output?.captured) {
      const { name, pos } = (inputs[i] as MacroInput).call
      out.captured.push({ macro: name, ...pos, text: output.captured })
    }
    if (!output) return
    html[id] = output.html
    const mine = out.posts.get((inputs[i] as MacroInput).post?.file ?? '')
    for (const name of dataReads(output)) if (!mine?.reads.includes(name)) mine?.reads.push(name)
  })
  parsed.forEach(({ post, body }, i) => {
    out.bodies.set(post.file, withExcerpt(spliceOutputs(md, body, spliced[i] ?? [])))
  })
  return out
}
