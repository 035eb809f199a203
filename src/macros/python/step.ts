// Python macros in a build. The pool starts the moment a post that calls an enabled macro
// script has been read, or the scripts step found a site template that calls one (so its
// start overlaps reading the rest), or when a call is left to run after the build cache
// answered the others; before the first call the scripts are read and checked with Python's
// `ast` (a syntax error or a missing entrypoint is reported once, before any page renders; a
// check the cache holds needs no Python) and the `bds` module gets the site's data, with the
// site's utility scripts as modules the macros may import.

import { join } from 'node:path'
import type { ResolvedConfig } from '../../config/index.js'
import type { Post } from '../../content/index.js'
import { BdsError } from '../../errors/index.js'
import {
  type CheckResult,
  type PythonCounters,
  type PythonHost,
  type ScriptSource,
  scriptProblem,
  type UtilityModule,
} from '../../python/index.js'
import type { ScriptRow } from '../../scripts/index.js'
import type { Fs } from '../../util/fs.js'
import type { MacroInput, MacroOutput, MacroRunner } from '../types.js'
import { apiData, type PythonSite } from './api-data.js'
import { pythonCacheKeys } from './cache-keys.js'
import { type CheckStore, checkAll } from './checks.js'
import { declarationOf, type PythonDeclaration } from './declared.js'
import { hostFor } from './hosts.js'
import { utilityKey, utilityModules } from './modules.js'
import { createPythonMacroRunner, type MacroScripts } from './runner.js'
import { siteFor } from './site-data.js'
import { createSiteReads } from './site-reads.js'

export interface PythonStep {
  /** Sees each post as it is read; starts the pool at the first Python macro token. */
  notice(post: Post): void
  /** Starts the pool now (templates call macros that may be Python). */
  warm(): void
  /** Loads the pool's code, starting nothing (a full build with nothing cached). */
  preload(): void
  /** The site, for the `bds` and `bds_api` modules (set once content is loaded). */
  useSite(site: PythonSite): void
  /** Where script checks are kept between builds. */
  useChecks(store: CheckStore): void
  runner?: MacroRunner
  /** Stops a pool this build started; returns the counters when Python ran. */
  finish(): Promise<PythonCounters | undefined>
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

async function readSources(fs: Fs, root: string, rows: ScriptRow[]) {
  const read = async (row: ScriptRow): Promise<[string, ScriptSource]> => {
    const source = await fs.readText(join(root, row.path))
    const { id, slug, hash, entrypoint } = row
    return [slug.toLowerCase(), { id, slug, file: row.path, source, hash, entrypoint }]
  }
  return new Map(await Promise.all(rows.map(read)))
}

/** Stores what a check found (the signature of each script's entrypoint) in the index. */
export type RecordChecks = (
  checks: { row: ScriptRow; result: CheckResult; status: string }[],
) => void

/**
 * `rows` are the enabled macro scripts; `utilities` the scripts they may import (every
 * indexed script: utilityModules() picks the enabled utilities).
 */
export function preparePython(
  config: ResolvedConfig,
  rows: ScriptRow[],
  fs: Fs,
  provider: ((config: ResolvedConfig) => PythonHost) | undefined,
  utilities: readonly ScriptRow[] = [],
  record?: RecordChecks,
): PythonStep {
  const diagnostics: BdsError[] = []
  if (rows.length === 0) {
    return {
      notice: () => {},
      warm: () => {},
      preload: () => {},
      useSite: () => {},
      useChecks: () => {},
      finish: async () => undefined,
    }
  }
  const slugs = new Set(rows.map((row) => row.slug.toLowerCase()))
  const host = provider ? provider(config) : hostFor(config)
  const token = new RegExp(`\\[\\[(?:${[...slugs].map(escapeRegExp).join('|')})(?![\\w])`, 'i')
  let started: Promise<unknown> | undefined
  const start = () => {
    started ??= host.start().then(
      () => undefined,
      (error: unknown) => error,
    )
    return started
  }
  let ran = false
  // A warm-up that arrives after this build stopped its pool (a slow scan of the templates)
  // starts nothing; a session's host outlives the build.
  let finished = false
  let site: PythonSite | undefined
  let checkStore: CheckStore | undefined
  let api: Promise<Record<string, unknown>> | undefined
  type Ready = Omit<MacroScripts, 'language'> & {
    modules: UtilityModule[]
    /** Positional parameters of each script's entrypoint (null: not known). */
    params: Map<string, number | null>
  }
  let ready: Promise<Ready> | undefined
  const bySlug = new Map(rows.map((row) => [row.slug.toLowerCase(), row]))
  /**
   * Sources are read, checked and declarations read once per build, before the first call
   * (or the first key of a call the build cache asks for).
   */
  const prepare = () => {
    const read = (path: string) => fs.readText(join(config.paths.root, path))
    ready ??= readSources(fs, config.paths.root, rows).then(async (scripts) => {
      const broken = new Map<string, string>()
      const declared = new Map<string, PythonDeclaration>()
      const params = new Map<string, number | null>()
      const checking = async () => {
        const failure = await start()
        if (failure) throw failure
        return host
      }
      const checks = (await checkAll([...scripts.values()], checking, checkStore)).map(
        ([script, result]) => ({ script, result, problem: scriptProblem(script, result) }),
      )
      for (const { script, problem, result } of checks) {
        const slug = script.slug.toLowerCase()
        params.set(slug, result.params?.[script.entrypoint] ?? null)
        const declaration = declarationOf(bySlug.get(slug)?.params ?? null, result.signature)
        if (declaration) declared.set(slug, declaration)
        if (!problem) continue
        diagnostics.push(problem)
        broken.set(slug, problem.message)
      }
      try {
        record?.(
          checks.map((c) => ({
            row: bySlug.get(c.script.slug.toLowerCase()) as ScriptRow,
            result: c.result,
            status: c.problem ? `error: ${c.problem.message}` : 'ok',
          })),
        )
      } catch {
        // The index is a cache: a check it could not store is made again next time.
      }
      const modules = await utilityModules(utilities, read)
      return { scripts, broken, declared, modules, params }
    })
    return ready
  }

  let sent: { site: PythonSite; done: Promise<void> } | undefined
  const sendSite = async (value: PythonSite, scripts: ScriptSource[], modules: UtilityModule[]) => {
    // bDS's bds_api data (every post with its text, media) only for scripts that use it.
    if ([...scripts, ...modules].some((s) => s.source.includes('bds_api')))
      api ??= apiData(config, value)
    const extra = api ? { api: await api } : {}
    host.setSiteData({ ...siteFor(config, value.index), ...extra, modules })
  }

  const runner: MacroRunner = {
    has: (name) => slugs.has(name),
    names: () => [...slugs],
    diagnostics: () => diagnostics,
    cacheKeys: pythonCacheKeys(
      rows,
      utilityKey(utilities),
      createSiteReads(config, () => site as PythonSite),
      async (row) => {
        const count = await prepare().then(
          ({ params }) => params.get(row.slug.toLowerCase()),
          () => null,
        )
        return count === null || count === undefined || count >= 2
      },
    ),
    async run(batch: readonly MacroInput[]): Promise<MacroOutput[]> {
      // Checks first (the build cache may hold them): a batch of broken scripts' calls, or
      // none at all (the cache answered every call), needs no Python.
      const failure = await prepare().then(
        ({ broken }) => (batch.some((input) => !broken.has(input.call.name)) ? start() : undefined),
        (error: unknown) => error,
      )
      if (failure) return batch.map((input) => startFailed(input, failure))
      const { scripts, broken, declared, modules } = await prepare()
      if (batch.length === 0) return []
      ran = true
      if (site) {
        // Once per site, however many batches the build sends (one per chunk of posts).
        if (sent?.site !== site)
          sent = { site, done: sendSite(site, [...scripts.values()], modules) }
        await sent.done
      }
      const macros = { scripts, broken, declared, language: config.language }
      return createPythonMacroRunner(host, macros).run(batch)
    },
  }

  return {
    notice(post) {
      if (!started && post.body.includes('[[') && token.test(post.body)) void start()
    },
    warm() {
      if (!finished) void start()
    },
    preload() {
      host.load?.()
    },
    useSite(value) {
      site = value
    },
    useChecks(store) {
      checkStore = store
    },
    runner,
    async finish() {
      finished = !provider
      const counters = ran ? host.counters() : undefined
      if (!provider) await host.stop()
      return counters
    },
  }
}

function startFailed(input: MacroInput, error: unknown): MacroOutput {
  const why = error instanceof Error ? error.message : String(error)
  const message = `The Python macro "${input.call.name}" did not run: the Python runtime did not start (${why}).`
  return {
    html: '',
    diagnostics: [new BdsError('BDS_PYTHON_START', message, { pos: input.call.pos })],
    cacheable: false,
  }
}
