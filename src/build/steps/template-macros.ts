// Macros called from templates (issue 17), around the pages step. Before rendering, the theme
// is scanned: one without `{% macro %}` or `| macro` changes nothing. Otherwise the media the
// built-ins show are loaded, and when a call may reach Python the pool starts at once, so its
// start overlaps rendering. Each language tree then renders its pages on both threads with
// Python calls recorded and their pages held (template-macros.ts); every recorded call of the
// tree runs in one pass — runMacros, built-ins first, as in Markdown — and the held pages
// are spliced and written, the render worker's by the worker itself.

import type { ResolvedConfig } from '../../config/index.js'
import type { MediaItem, MediaResult, Post } from '../../content/index.js'
import { type BdsError, type Diagnostic, toDiagnostic } from '../../errors/index.js'
import { builtinSpec } from '../../macros/builtins/index.js'
import {
  type ImageLookup,
  type MacroInput,
  type MacroRunner,
  runMacros,
} from '../../macros/index.js'
import type { PythonStep } from '../../macros/python/index.js'
import type { FileSink, PlannedFile } from '../../output/index.js'
import { type MacroScan, scanMacroCalls, type TemplateStore } from '../../render/index.js'
import type { ScriptRow } from '../../scripts/index.js'
import type { SiteIndex } from '../../site/index.js'
import { hashText } from '../../util/hash.js'
import { type Rendered, type RenderInput, renderJobs } from '../render-jobs.js'
import type { RenderWorker, WorkerMacros } from '../render-pool.js'
import { createPageMacros, macroSiteOf, type PageMacros, writeHeld } from '../template-macros.js'
import { macroSiteKey } from './macros.js'

/** Which macros the theme calls: names written as literals, and whether any name is not. */
export function scanTheme(store: TemplateStore): MacroScan {
  const all: MacroScan = { used: false, names: new Set(), dynamic: false }
  for (const { text = '' } of store.templates.values()) {
    const one = scanMacroCalls(text)
    all.used ||= one.used
    all.dynamic ||= one.dynamic
    for (const name of one.names) all.names.add(name)
  }
  return all
}

interface TreeMacros {
  macros: PageMacros
  posts: Map<string, Post>
  index: SiteIndex
}

export interface TemplateMacroStep {
  /** The main thread's macros, one per language tree. */
  trees: TreeMacros[]
  /** What the render worker needs to run the built-ins of its pages. */
  worker: WorkerMacros
  /** A call may reach Python: the pool must outlive the pages step. */
  python: boolean
  /** What the calls' results depend on, for page keys ('' unless `keep`). */
  key: string
  /**
   * Every call the templates may make is cached or a built-in: a page can be kept in the build
   * cache under `key`. False when a call may reach a runner without cache keys or a script
   * whose header says `cache: false` (its output may differ every build).
   */
  cacheable: boolean
  runners: readonly MacroRunner[]
  config: ResolvedConfig
  images?: ImageLookup
}

export interface TemplateMacroInput {
  config: ResolvedConfig
  store: TemplateStore
  trees: readonly { index: SiteIndex; posts: readonly Post[] }[]
  media: () => Promise<MediaResult>
  python: PythonStep
  runners: readonly MacroRunner[]
  /** The enabled macro scripts (their versions are part of the key). */
  scripts: readonly ScriptRow[]
  /** The utility scripts macro scripts may import, as text (utilityKey). */
  utilities: string
  /** Make the key of what the calls' results depend on (watch mode, the build cache). */
  keep: boolean
  /** Start Python at once when a call may reach it (not when the build cache may answer). */
  warm: boolean
  /** The resized variants galleries link to. */
  images?: ImageLookup
}

export async function prepareTemplateMacros(
  input: TemplateMacroInput,
): Promise<TemplateMacroStep | undefined> {
  const scan = scanTheme(input.store)
  if (!scan.used) return undefined
  const python = scan.dynamic || [...scan.names].some((name) => !builtinSpec(name))
  if (python && input.warm) input.python.warm()
  // Media only for the built-ins that show them (the sidecars cost a walk of media/), and for
  // a key of what a Python call may see (bds_api lists the media).
  const media =
    scan.dynamic ||
    [...scan.names].some((n) => builtinSpec(n)?.readsMedia) ||
    (python && input.keep)
      ? (await input.media()).items
      : []
  const trees = input.trees.map(({ index, posts }) => {
    const byFile = new Map(posts.map((p) => [p.file, p]))
    const site = macroSiteOf(input.config, index, media, input.images)
    return { macros: createPageMacros(site, (f) => byFile.get(f)), posts: byFile, index }
  })
  const key = input.keep ? templateMacroKey(input, media, python) : ''
  const cacheable = !python || templateCallsCached(input, scan)
  const { config, runners } = input
  const images = input.images
  return { trees, worker: { media }, python, key, cacheable, runners, config, images }
}

/**
 * What the template calls' results may depend on besides the page itself: the built-ins see the
 * trees' tags, the media and the image variants; a call that may reach Python sees the scripts
 * and the modules they import, every post (front matter and, through bds_api, text) and the
 * data files too.
 */
function templateMacroKey(input: TemplateMacroInput, media: MediaItem[], python: boolean) {
  const parts = [
    JSON.stringify(media),
    input.images?.key ?? '',
    ...input.trees.map((t) => JSON.stringify(t.index.tags)),
  ]
  if (python) {
    parts.push(
      input.scripts.map((s) => `${s.slug}:${s.hash}`).join(','),
      input.utilities,
      JSON.stringify(input.trees[0]?.index.data ?? {}),
      ...input.trees.map((t) => macroSiteKey(t.posts)),
      ...input.trees.map((t) => hashText(t.posts.map((p) => p.body).join('\0'))),
    )
  }
  return hashText(parts.join('\n'))
}

/** Whether every runner a template's non-built-in call may reach caches it. */
function templateCallsCached(input: TemplateMacroInput, scan: MacroScan): boolean {
  const names = scan.dynamic ? undefined : [...scan.names].filter((n) => !builtinSpec(n))
  const reached = (has: (name: string) => boolean) => !names || names.some(has)
  if (input.runners.some((r) => !r.cacheKeys && reached((n) => r.has(n)))) return false
  return !input.scripts.some((s) => !s.cache && reached((n) => n === s.slug.toLowerCase()))
}

const keyOf = (d: Diagnostic) => `${d.code}|${d.file}:${d.line}:${d.column}|${d.message}`

/** Runs the recorded calls of a tree in one pass: the main thread's, then each worker's. */
async function runCalls(step: TemplateMacroStep, tree: TreeMacros, rendered: Rendered) {
  const theirs = rendered.fromWorkers.flatMap((w) => w.macros?.calls ?? [])
  const calls = [...tree.macros.deferred, ...theirs]
  if (calls.length === 0) return { outputs: [] as string[], diagnostics: [] as BdsError[] }
  const site = macroSiteOf(step.config, tree.index, step.worker.media, step.images)
  const inputs = calls.map(
    (c): MacroInput => ({
      call: { name: c.name, params: c.params, text: c.text, raw: '', pos: c.pos, block: false },
      post: c.post === undefined ? undefined : tree.posts.get(c.post),
      url: c.url,
      site,
    }),
  )
  const run = await runMacros(inputs, step.runners, 'the template shows nothing in its place')
  return { outputs: run.outputs.map((o) => o?.html ?? ''), diagnostics: run.diagnostics }
}

/**
 * Renders a tree's pages (renderJobs) with its template macros: the main thread's pages that
 * wait for a call are held, every call runs in one pass, then the held pages are written.
 */
export async function renderWithMacros(
  input: RenderInput,
  step: TemplateMacroStep | undefined,
  tree: number,
): Promise<Rendered> {
  const mine = step?.trees[tree]
  if (!step || !mine) return renderJobs(input)
  const held: PlannedFile[] = []
  const sink: FileSink = {
    ...input.sink,
    write: (file) =>
      mine.macros.holds(String(file.contents)) ? held.push(file) : input.sink.write(file),
  }
  const rendered = await renderJobs({ ...input, sink, macros: step.worker })
  const run = await runCalls(step, mine, rendered)
  let at = mine.macros.deferred.length
  const write = input.sink.write
  const out = writeHeld(
    held,
    mine.macros,
    run.outputs.slice(0, at),
    write,
    step.config.macros.pageChars,
  )
  // Each worker gets the HTML of its own calls, in the order it sent them.
  const spliced = await Promise.all(
    rendered.fromWorkers.map((theirs, i) => {
      const n = theirs.macros?.calls.length ?? 0
      const outputs = run.outputs.slice(at, at + n)
      at += n
      return n > 0 ? (rendered.asked[i] as RenderWorker).splice(outputs) : theirs
    }),
  )
  // One warning per call site and message, whichever thread met it.
  const fromThem = rendered.fromWorkers.flatMap((w) => w.macros?.diagnostics ?? [])
  const seen = new Set(fromThem.map(keyOf))
  const own = [...mine.macros.diagnostics(), ...run.diagnostics, ...out.diagnostics].filter((d) => {
    const key = keyOf(toDiagnostic(d))
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
  const pages = {
    failed: [...rendered.pages.failed, ...out.failed],
    diagnostics: [...rendered.pages.diagnostics, ...own],
  }
  const fromWorkers = spliced.map((w, i) => ({
    ...w,
    diagnostics: [...w.diagnostics, ...(rendered.fromWorkers[i]?.macros?.diagnostics ?? [])],
  }))
  return { pages, fromWorkers, asked: rendered.asked }
}
