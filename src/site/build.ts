// build(): the whole pipeline as a flat list of named, timed steps — config, up-to-date
// check, content, markdown, templates, pages, feeds, files, write, save. Pages stream to the
// writer thread as they render. Returns a BuildReport; only a broken config or output
// folder throws.

import { resolve } from 'node:path'
import {
  type InlineConfig,
  loadConfig,
  type ResolvedConfig,
  resolveConfig,
} from '../config/index.js'
import { loadContent, type Post } from '../content/index.js'
import { BdsError, type Diagnostic, toDiagnostic } from '../errors/index.js'
import { type CacheDb, createWriter, type Manifest, openCacheDb } from '../output/index.js'
import { createMarkdown, createTemplates, loadTemplateStore, renderBody } from '../render/index.js'
import { type Fs, nodeFs } from '../util/fs.js'
import { BDS_VERSION, bundledTemplatesDir } from '../version.js'
import { collect } from './collections.js'
import { fingerprintInputs, outputsIntact } from './fingerprint.js'
import { generatedFiles } from './generated.js'
import { listSpecs } from './lists.js'
import { renderPages } from './pages.js'
import type { BuildReport } from './report.js'
import { createRouteTable } from './route-table.js'
import { postUrl } from './routes.js'
import { planCopies } from './static-files.js'
import { createStepTimer, type StepTimer } from './steps.js'
import { type PostView, postView, siteView, withSummary } from './views.js'

export interface BuildDeps {
  fs: Fs
  cwd: string
  templatesDir: string
}

export async function build(
  inline: InlineConfig = {},
  partial: Partial<BuildDeps> = {},
): Promise<BuildReport> {
  const deps: BuildDeps = {
    fs: nodeFs,
    cwd: process.cwd(),
    templatesDir: bundledTemplatesDir,
    ...partial,
  }
  const timer = createStepTimer()
  const loaded = await timer.step('config', async () => {
    const root = resolve(deps.cwd, inline.root ?? '.')
    return resolveConfig(await loadConfig(root), inline, deps.cwd)
  })
  const diagnostics: BdsError[] = []
  if (!loaded.url) {
    const pos = loaded.source ? { file: loaded.source, line: 1, column: 1 } : undefined
    diagnostics.push(
      new BdsError(
        'BDS_CONFIG_NO_URL',
        'No "url" is set: feeds and the sitemap use http://localhost instead.',
        { severity: 'warning', pos },
      ),
    )
  }
  const config: ResolvedConfig = { ...loaded, url: loaded.url || 'http://localhost' }
  const cache = openCacheDb(config.paths.cache)
  if (cache.reset) diagnostics.push(cache.reset)
  try {
    return await run(config, deps, cache, timer, diagnostics)
  } finally {
    cache.close()
  }
}

async function run(
  config: ResolvedConfig,
  deps: BuildDeps,
  cache: CacheDb,
  timer: StepTimer,
  diagnostics: BdsError[],
): Promise<BuildReport> {
  const { paths } = config
  const previous: Manifest = cache.readManifest(paths.out)
  const fingerprint = await timer.step('check', () => fingerprintInputs(config, deps, BDS_VERSION))
  const state = cache.readState(paths.out)
  if (
    !config.clean &&
    state?.fingerprint === fingerprint &&
    (await timer.step('verify', () => outputsIntact(paths.out, previous)))
  ) {
    const replay = [
      ...diagnostics.map(toDiagnostic),
      ...(JSON.parse(state.diagnostics) as Diagnostic[]),
    ]
    const total = previous.size
    return timer.report({
      config,
      upToDate: true,
      diagnostics: replay,
      outputs: { written: 0, unchanged: total, removed: 0, failed: 0, total },
    })
  }
  const writer = createWriter(paths.out, previous, config.clean)
  const content = await timer.step('content', () => loadContent(config, deps.fs))
  diagnostics.push(...content.diagnostics)
  const collections = collect(content.posts, config.timezone)
  const views = await timer.step('markdown', async () => {
    const md = createMarkdown(config.markdown)
    const map = new Map<Post, PostView>()
    for (const post of content.posts) {
      map.set(
        post,
        postView(
          { post, url: postUrl(post, config.timezone), ...renderBody(md, post.body) },
          config.url,
          collections.termName,
        ),
      )
    }
    return map
  })
  const store = await timer.step('templates', () =>
    loadTemplateStore(deps.templatesDir, paths.templates, paths.root, deps.fs),
  )
  const templates = createTemplates(store, {
    siteUrl: config.url,
    timezone: config.timezone,
    language: config.language,
    globals: { site: siteView(config, collections, views), bds: { version: BDS_VERSION } },
  })
  for (const view of views.values()) withSummary(view, templates)
  const routes = createRouteTable()
  const pages = await timer.step('pages', async () =>
    renderPages({
      config,
      collections,
      views,
      templates,
      routes,
      emit: writer.write,
      lists: listSpecs(collections, config.title, config.language),
    }),
  )
  diagnostics.push(...pages.diagnostics)
  await timer.step('feeds', async () => {
    for (const file of generatedFiles(config, collections, views, pages.routes))
      if (routes.claim(file.path, file.source)) writer.write(file)
  })
  await timer.step('files', async () => {
    for (const file of await planCopies(config, store, routes, deps.fs)) writer.write(file)
  })
  diagnostics.push(...routes.diagnostics)
  const written = await timer.step('write', () => writer.finish(pages.failed))
  const all = [...diagnostics.map(toDiagnostic), ...written.diagnostics]
  await timer.step('save', async () => {
    cache.writeManifest(paths.out, written.manifest)
    const complete = written.stats.failed === 0
    cache.writeState(
      paths.out,
      complete ? { fingerprint, diagnostics: JSON.stringify(all) } : undefined,
    )
  })
  return timer.report({ config, upToDate: false, diagnostics: all, outputs: written.stats })
}
