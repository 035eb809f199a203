// LiveSite: a watch session's site in memory — the last good version of every content file,
// rendered bodies, macro results, templates, copies, the output manifest and the key each page
// was last rendered with. Made from a full build's SiteState; rebuild() keeps it current.

import type MarkdownIt from 'markdown-it'
import type { ResolvedConfig } from '../config/index.js'
import type { Post } from '../content/index.js'
import type { BdsError } from '../errors/index.js'
import { createBuiltinRunner } from '../macros/builtins/index.js'
import type { MacroRunner } from '../macros/index.js'
import { type CacheDb, type Manifest, openCacheDb, type PlannedFile } from '../output/index.js'
import {
  createMarkdown,
  createTemplateDeps,
  loadTemplateStore,
  type RenderedBody,
  type TemplateDeps,
  type TemplateStore,
} from '../render/index.js'
import type { ScriptRow } from '../scripts/index.js'
import type { BuildDeps } from './build.js'
import type { SitemapMemo } from './generated.js'
import { createMacroMemo, type MacroMemo } from './live-macros.js'
import { createModelMemo, createSiteModel, type ModelMemo } from './model.js'
import { createKeyer } from './page-keys.js'
import { planPages } from './pages.js'
import { type PythonStep, preparePython } from './python-step.js'
import { createRouteTable } from './route-table.js'
import type { SiteState } from './state.js'
import { SUMMARY } from './views.js'

export interface LiveSite {
  config: ResolvedConfig
  deps: BuildDeps
  /** Enabled macro scripts, and the Python side of macros (remade when they change). */
  macroScripts: ScriptRow[]
  python: PythonStep
  /** Diagnostics of the config and the script index. */
  setup: BdsError[]
  /** Posts that are built, by file: a file that fails to load keeps its last good version. */
  posts: Map<string, Post>
  /** Content files that failed to load, by file. */
  errors: Map<string, BdsError>
  bodies: Map<string, RenderedBody>
  macros: MacroMemo
  store: TemplateStore
  templateDeps: (name: string) => TemplateDeps
  memo: ModelMemo
  /** Every file to copy (claimed or not). */
  copies: PlannedFile[]
  manifest: Manifest
  /** Page output path → the key it was last rendered with (failed pages have none). */
  keys: Map<string, string>
  summaryKey: string
  md: MarkdownIt
  runners: MacroRunner[]
  /** The build cache, open for the session (closing it costs a WAL checkpoint). */
  cache: CacheDb
  sitemap: SitemapMemo
}

export function templateDepsOf(config: ResolvedConfig, store: TemplateStore) {
  const options = { siteUrl: config.url, timezone: config.timezone, language: config.language }
  return createTemplateDeps(store, { ...options, globals: {} })
}

/** Posts in content order, as a full build reads them: posts/ then pages/, each sorted. */
export function contentOrder(live: LiveSite): Post[] {
  const files = [...live.posts.keys()].sort()
  const ordered = [
    ...files.filter((f) => f.startsWith('posts/')),
    ...files.filter((f) => !f.startsWith('posts/')),
  ]
  return ordered.map((f) => live.posts.get(f) as Post)
}

export function createLiveSite(state: SiteState, deps: BuildDeps): LiveSite {
  const { config, posts, store } = state
  const md = createMarkdown(config.markdown)
  const live: LiveSite = {
    config,
    deps,
    macroScripts: state.macroScripts,
    python: preparePython(config, state.macroScripts, deps.python),
    setup: state.setup.filter((d) => d.code !== 'BDS_CACHE_RESET'),
    posts: new Map(posts.map((p) => [p.file, p])),
    errors: new Map(state.contentErrors.map((e) => [e.pos?.file ?? '', e])),
    bodies: new Map(posts.map((p, i) => [p.file, state.bodies[i] as RenderedBody])),
    macros: createMacroMemo(state.macros, posts, md),
    store,
    templateDeps: templateDepsOf(config, store),
    memo: createModelMemo(),
    copies: state.copies,
    manifest: state.manifest,
    keys: new Map(),
    summaryKey: '',
    md,
    runners: [],
    cache: openCacheDb(config.paths.cache),
    sitemap: {},
  }
  live.runners = macroRunners(live)
  const model = createSiteModel(config, posts, state.bodies, store, live.memo)
  const plan = planPages({ ...model, config, routes: createRouteTable(), part: 'all' })
  const summaries = store.templates.has(SUMMARY)
  const keyer = createKeyer({ model, deps: live.templateDeps, summaries })
  const failed = new Set(state.failed)
  for (const job of plan.jobs) if (!failed.has(job.path)) live.keys.set(job.path, keyer.key(job))
  live.summaryKey = keyer.summaryKey
  return live
}

/** Built-ins first, then the site's Python macros, then any the caller added. */
export function macroRunners(live: LiveSite): MacroRunner[] {
  const python = live.python.runner ? [live.python.runner] : []
  return [createBuiltinRunner(), ...python, ...(live.deps.macroRunners ?? [])]
}

/** Reads the templates again (a template or theme asset changed). */
export async function reloadTemplates(live: LiveSite): Promise<void> {
  const { deps, config } = live
  const { templates, root } = config.paths
  const store = await loadTemplateStore(deps.templatesDir, templates, root, deps.fs)
  // Views carry a summary getter only when the summary partial exists.
  if (store.templates.has(SUMMARY) !== live.store.templates.has(SUMMARY)) {
    live.memo = createModelMemo()
  }
  live.store = store
  live.templateDeps = templateDepsOf(config, store)
}
