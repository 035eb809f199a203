// expandMacros: the macro step of a build — collect every `[[…]]` call of every post that
// has one, run them all (each runner gets one batch), and render those posts with the
// results spliced in. Posts without `[[` never come here; they take the plain Markdown path.

import type { ResolvedConfig } from '../config/index.js'
import { loadMedia, type Post } from '../content/index.js'
import { BdsError } from '../errors/index.js'
import {
  type MacroEnv,
  type MacroInput,
  type MacroRunner,
  type MacroSite,
  runMacros,
} from '../macros/index.js'
import { createMarkdown, type RenderedBody, withExcerpt } from '../render/index.js'
import type { Fs } from '../util/fs.js'
import { collect } from './collections.js'
import type { CapturedOutput } from './report.js'
import { postUrl, termUrl } from './routes.js'

export interface MacroStep {
  /** Rendered bodies of the posts that hold macro tokens, by source file. */
  bodies: Map<string, RenderedBody>
  diagnostics: BdsError[]
  /** Calls per macro name, for the build summary. */
  counts: Record<string, number>
  /** What Python macros printed, by token. */
  captured: CapturedOutput[]
}

export const hasMacroToken = (post: Post) => post.body.includes('[[')

export async function expandMacros(
  config: ResolvedConfig,
  posts: Post[],
  runners: readonly MacroRunner[],
  fs: Fs,
): Promise<MacroStep> {
  const step: MacroStep = { bodies: new Map(), diagnostics: [], counts: {}, captured: [] }
  const withTokens = posts.filter(hasMacroToken)
  if (withTokens.length === 0) return step
  const md = createMarkdown(config.markdown)
  const collections = collect(posts, config.timezone)
  const parsed = withTokens.map((post) => {
    const env: MacroEnv = {
      bds: { file: post.file, bodyLine: post.bodyLine, calls: [], errors: [] },
    }
    return { post, env, tokens: md.parse(post.body, env) }
  })
  const media = await loadMedia(config.paths.root, config.paths.media, posts, fs)
  step.diagnostics.push(...media.diagnostics)
  const site: MacroSite = {
    language: config.language,
    url: config.url,
    timezone: config.timezone,
    tags: collections.tags.map((t) => ({
      name: t.name,
      url: termUrl('tag', t.name),
      count: t.posts.length,
    })),
    media: media.items,
    options: config.macros,
  }
  const inputs: MacroInput[] = []
  const owners: { env: MacroEnv; id: number }[] = []
  for (const { post, env } of parsed) {
    const bds = env.bds as NonNullable<MacroEnv['bds']>
    for (const e of bds.errors)
      step.diagnostics.push(
        new BdsError('BDS_MACRO_SYNTAX', `${e.message} It was left as text.`, {
          pos: e.pos,
          severity: 'warning',
        }),
      )
    bds.calls.forEach((call, id) => {
      step.counts[call.name] = (step.counts[call.name] ?? 0) + 1
      const params = config.macros.stringParams ? call.text : call.params
      inputs.push({ call: { ...call, params }, post, url: postUrl(post, config.timezone), site })
      owners.push({ env, id })
    })
  }
  const run = await runMacros(inputs, runners)
  step.diagnostics.push(...run.diagnostics)
  run.outputs.forEach((output, i) => {
    const { env, id } = owners[i] as { env: MacroEnv; id: number }
    if (output?.captured) {
      const { name, pos } = (inputs[i] as MacroInput).call
      step.captured.push({ macro: name, ...pos, text: output.captured })
    }
    if (!output || !env.bds) return
    env.bds.outputs ??= new Map()
    env.bds.outputs.set(id, output.html)
  })
  for (const { post, env, tokens } of parsed) {
    step.bodies.set(post.file, withExcerpt(md.renderer.render(tokens, md.options, env)))
  }
  return step
}
