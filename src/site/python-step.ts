// Python macros in a build. The pool starts the moment a post that calls an enabled macro
// script has been read (so its start overlaps reading the rest); before the first call the
// scripts are checked with Python's `ast` (a syntax error or a missing entrypoint is
// reported once, before any page renders) and the `bds` module gets the site's data.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ResolvedConfig } from '../config/index.js'
import type { Post } from '../content/index.js'
import { BdsError } from '../errors/index.js'
import type { MacroInput, MacroOutput, MacroRunner } from '../macros/index.js'
import {
  createPythonHost,
  type PythonCounters,
  type PythonHost,
  pythonOptions,
  type ScriptSource,
} from '../python/index.js'
import { createPythonMacroRunner } from '../python/macro-runner.js'
import { siteData } from '../python/site-data.js'
import type { ScriptRow } from '../scripts/index.js'
import { collect } from './collections.js'
import { postUrl, termUrl } from './routes.js'
import { checkScripts } from './script-check.js'

export interface PythonStep {
  /** Sees each post as it is read; starts the pool at the first Python macro token. */
  notice(post: Post): void
  /** Every post of the site, for the `bds` module (set once content is loaded). */
  usePosts(posts: Post[]): void
  runner?: MacroRunner
  diagnostics: BdsError[]
  /** Stops a pool this build started; returns the counters when Python ran. */
  finish(): Promise<PythonCounters | undefined>
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

function sources(root: string, rows: ScriptRow[]): Map<string, ScriptSource> {
  const map = new Map<string, ScriptSource>()
  for (const row of rows) {
    const source = readFileSync(join(root, row.path), 'utf8')
    const { id, slug, hash, entrypoint } = row
    map.set(slug.toLowerCase(), { id, slug, file: row.path, source, hash, entrypoint })
  }
  return map
}

export function preparePython(
  config: ResolvedConfig,
  rows: ScriptRow[],
  shared: PythonHost | undefined,
): PythonStep {
  const diagnostics: BdsError[] = []
  if (rows.length === 0) {
    return { notice: () => {}, usePosts: () => {}, diagnostics, finish: async () => undefined }
  }
  const scripts = sources(config.paths.root, rows)
  const host = shared ?? createPythonHost(pythonOptions(config))
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

  const runner: MacroRunner = {
    has: (name) => scripts.has(name),
    async run(batch: readonly MacroInput[]): Promise<MacroOutput[]> {
      const failure = await start()
      if (failure) return batch.map((input) => startFailed(input, failure))
      ran = true
      const broken = await checkScripts(host, scripts, diagnostics)
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
    diagnostics,
    async finish() {
      const counters = ran ? host.counters() : undefined
      if (!shared) await host.stop()
      return counters
    },
  }
}

function siteFor(config: ResolvedConfig, posts: Post[]) {
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
