// Python macros in a build. The pool starts the moment a post that calls an enabled macro
// script has been read (so its start overlaps reading the rest); before the first call the
// scripts are checked with Python's `ast` (a syntax error or a missing entrypoint is
// reported once, before any page renders) and the `bds` module gets the site's data.

import type { ResolvedConfig } from '../config/index.js'
import type { Post } from '../content/index.js'
import { BdsError } from '../errors/index.js'
import type { MacroInput, MacroOutput, MacroRunner } from '../macros/index.js'
import { checkScripts, readScript } from '../python/check.js'
import {
  createPythonHost,
  type PythonCounters,
  type PythonHost,
  pythonOptions,
} from '../python/index.js'
import { createPythonMacroRunner } from '../python/macro-runner.js'
import { siteData } from '../python/site-data.js'
import type { ScriptRow } from '../scripts/index.js'
import { collect } from './collections.js'
import { postUrl, termUrl } from './routes.js'

export interface PythonStep {
  /** Sees each post as it is read; starts the pool at the first Python macro token. */
  notice(post: Post): void
  /** Every post of the site, for the `bds` module (set once content is loaded). */
  usePosts(posts: Post[]): void
  runner?: MacroRunner
  /** Stops a pool this build started; returns the counters when Python ran. */
  finish(): Promise<PythonCounters | undefined>
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export function preparePython(
  config: ResolvedConfig,
  rows: ScriptRow[],
  provider: ((config: ResolvedConfig) => PythonHost) | undefined,
): PythonStep {
  const diagnostics: BdsError[] = []
  if (rows.length === 0) {
    return { notice: () => {}, usePosts: () => {}, finish: async () => undefined }
  }
  const scripts = new Map(
    rows.map((row) => [row.slug.toLowerCase(), readScript(config.paths.root, row)]),
  )
  const host = provider ? provider(config) : createPythonHost(pythonOptions(config))
  const token = new RegExp(
    `\\[\\[(?:${[...scripts.keys()].map(escapeRegExp).join('|')})(?![\\w])`,
    'i',
  )
  let started: Promise<unknown> | undefined
  const start = () => {
    started ??= host.start().then(
      () => undefined,
      (error: unknown) => error,
    )
    return started
  }
  let ran = false
  let posts: Post[] = []
  let checked: Promise<Map<string, string>> | undefined
  /** Problems are reported once per build, before the first call. */
  const checkOnce = () => {
    checked ??= checkScripts(host, [...scripts.values()]).then((checks) => {
      const broken = new Map<string, string>()
      for (const { script, problem } of checks) {
        if (!problem) continue
        diagnostics.push(problem)
        broken.set(script.slug.toLowerCase(), problem.message)
      }
      return broken
    })
    return checked
  }

  const runner: MacroRunner = {
    has: (name) => scripts.has(name),
    diagnostics: () => diagnostics,
    async run(batch: readonly MacroInput[]): Promise<MacroOutput[]> {
      const failure = await start()
      if (failure) return batch.map((input) => startFailed(input, failure))
      ran = true
      const broken = await checkOnce()
      host.setSiteData(siteFor(config, posts))
      const macros = { scripts, broken, language: config.language }
      return createPythonMacroRunner(host, macros).run(batch)
    },
  }

  return {
    notice(post) {
      if (!started && post.body.includes('[[') && token.test(post.body)) void start()
    },
    usePosts(all) {
      posts = all
    },
    runner,
    async finish() {
      const counters = ran ? host.counters() : undefined
      if (!provider) await host.stop()
      return counters
    },
  }
}

export function siteFor(config: ResolvedConfig, posts: Post[]) {
  const c = collect(posts, config.timezone)
  const withUrls = [...c.posts, ...c.pages].map((post) => ({
    post,
    url: postUrl(post, config.timezone),
  }))
  const terms = (kind: 'tag' | 'category', list: typeof c.tags) =>
    list.map((t) => ({ name: t.name, url: termUrl(kind, t.name), count: t.posts.length }))
  return siteData(config, withUrls, terms('tag', c.tags), terms('category', c.categories))
}

function startFailed(input: MacroInput, error: unknown): MacroOutput {
  const why = error instanceof Error ? error.message : String(error)
  const message = `The Python macro "${input.call.name}" did not run: the Python runtime did not start (${why}).`
  return {
    html: '',
    diagnostics: [new BdsError('BDS_PYTHON_START', message, { pos: input.call.pos })],
  }
}
