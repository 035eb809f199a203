// expandMacros: collect every `[[…]]` call of the given posts, run them all (each runner gets
// one batch) and splice the results into each post's Markdown, rendered once with a
// placeholder per call (kept in the build cache). The calls see the site through the index
// (tags with their URLs, media). Diagnostics come back per post (the calls' own) and
// site-wide (media sidecars, a Python script that does not parse).

import type MarkdownIt from 'markdown-it'
import type { ResolvedConfig } from '../../config/index.js'
import type { MediaResult, Post } from '../../content/index.js'
import { BdsError } from '../../errors/index.js'
import {
  type ImageLookup,
  type MacroInput,
  type MacroRunner,
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

export async function expandMacros(
  config: ResolvedConfig,
  md: MarkdownIt,
  posts: readonly Post[],
  index: SiteIndex,
  media: MediaResult,
  runners: readonly MacroRunner[],
  cache: BodyCache,
  images?: ImageLookup,
): Promise<Expansion> {
  const out: Expansion = { bodies: new Map(), posts: new Map(), site: [], captured: [] }
  out.site.push(...media.diagnostics)
  const site = macroSiteOf(config, index, media.items, images)
  const parsed = posts.map((post) => ({ post, body: cache.placeholders(md, post) }))
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
