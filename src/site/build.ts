// build(): the whole pipeline as a flat list of named, timed steps — config, cache check,
// content, markdown, collections, templates, pages, feeds, files, write. Returns a
// BuildReport; only a broken config or output folder throws.

import { resolve } from 'node:path'
import { type InlineConfig, loadConfig, resolveConfig } from '../config/index.js'
import { loadContent, type Post } from '../content/index.js'
import { BdsError, type Diagnostic, toDiagnostic } from '../errors/index.js'
import { openCacheDb, writeOutputs } from '../output/index.js'
import { createMarkdown, createTemplates, loadTemplateStore, renderBody } from '../render/index.js'
import { type Fs, nodeFs } from '../util/fs.js'
import { collect } from './collections.js'
import { renderAtom, renderRss } from './feeds.js'
import { fingerprintInputs, outputsIntact } from './fingerprint.js'
import { listSpecs } from './lists.js'
import { type OutputFile, renderPages } from './pages.js'
import { createRouteTable } from './route-table.js'
import { postUrl } from './routes.js'
import { renderCalendar, renderSitemap } from './sitemap.js'
import { planCopies } from './static-files.js'
import { createStepTimer } from './steps.js'
import { type PostView, postView, siteView } from './views.js'
import { BDS_VERSION, bundledTemplatesDir } from '../version.js'
import type { BuildReport } from './report.js'

export interface BuildDeps {
  fs: Fs
  cwd: string
  templatesDir: string
}

const defaultDeps = (): BuildDeps => ({ fs: nodeFs, cwd: process.cwd(), templatesDir: bundledTemplatesDir })

export async function build(inline: InlineConfig = {}, partial: Partial<BuildDeps> = {}): Promise<BuildReport> {
  const deps = { ...defaultDeps(), ...partial }
  const timer = createStepTimer()
  const config = await timer.step('config', async () =>
    resolveConfig(await loadConfig(resolve(deps.cwd, inline.root ?? '.')), inline, deps.cwd),
  )
  const { paths } = config
  const diagnostics: BdsError[] = []
  if (!config.url) {
    diagnostics.push(new BdsError('BDS_CONFIG_NO_URL', 'No "url" is set: feeds and the sitemap use http://localhost/ instead.', { severity: 'warning', pos: config.source ? { file: config.source, line: 1, column: 1 } : undefined }))
  }
  const siteUrl = config.url || 'http://localhost'
  const cache = openCacheDb(paths.cache)
  if (cache.reset) diagnostics.push(cache.reset)
  try {
    const previous = config.clean ? new Map() : cache.readManifest(paths.out)
    const fingerprint = await timer.step('check', () => fingerprintInputs(config, deps, BDS_VERSION))
    const state = cache.readState(paths.out)
    if (!config.clean && state?.fingerprint === fingerprint && (await timer.step('verify', () => outputsIntact(paths.out, previous)))) {
      const replay = JSON.parse(state.diagnostics) as Diagnostic[]
      return timer.report({ config, upToDate: true, diagnostics: replay, outputs: { written: 0, unchanged: previous.size, removed: 0, failed: 0, total: previous.size } })
    }
    const content = await timer.step('content', () => loadContent(config, deps.fs))
    diagnostics.push(...content.diagnostics)
    const md = createMarkdown(config.markdown)
    const views = await timer.step('markdown', async () => {
      const map = new Map<Post, PostView>()
      for (const post of content.posts) {
        const body = renderBody(md, post.body)
        map.set(post, postView({ post, url: postUrl(post, config.timezone), ...body }, siteUrl))
      }
      return map
    })
    const collections = collect(content.posts, config.timezone)
    const store = await timer.step('templates', () => loadTemplateStore(deps.templatesDir, paths.templates, paths.root, deps.fs))
    const templates = createTemplates(store, {
      siteUrl,
      timezone: config.timezone,
      globals: { site: { ...siteView(config, collections, views), url: siteUrl }, bds: { version: BDS_VERSION } },
    })
    const routes = createRouteTable()
    const pages = await timer.step('pages', async () =>
      renderPages({ config: { ...config, url: siteUrl }, collections, views, templates, routes, lists: listSpecs(collections, config.title, config.language) }),
    )
    diagnostics.push(...pages.diagnostics)
    const feedConfig = { ...config, url: siteUrl }
    const generated: OutputFile[] = await timer.step('feeds', async () => [
      { path: 'rss.xml', source: 'bds:rss', contents: renderRss(feedConfig, collections.listed, views) },
      { path: 'atom.xml', source: 'bds:atom', contents: renderAtom(feedConfig, collections.listed, views) },
      { path: 'sitemap.xml', source: 'bds:sitemap', contents: renderSitemap(siteUrl, pages.files.flatMap((f) => (f.route ? [f.route] : []))) },
      { path: 'calendar.json', source: 'bds:calendar', contents: renderCalendar(collections, config.timezone) },
    ].filter((f) => routes.claim(f.path, f.source)))
    const copies = await timer.step('files', () => planCopies(config, store, routes, deps.fs))
    diagnostics.push(...routes.diagnostics)
    const written = await timer.step('write', () => writeOutputs(paths.out, [...pages.files, ...generated, ...copies], previous, pages.failed))
    diagnostics.push(...written.diagnostics)
    const all = diagnostics.map(toDiagnostic)
    await timer.step('save', async () => {
      cache.writeManifest(paths.out, written.manifest)
      const clean = written.stats.failed === 0
      cache.writeState(paths.out, clean ? { fingerprint, diagnostics: JSON.stringify(all) } : undefined)
    })
    return timer.report({ config, upToDate: false, diagnostics: all, outputs: written.stats })
  } finally {
    cache.close()
  }
}
