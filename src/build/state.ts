// PipelineState: what a build knew when it finished — the inputs it read, what it made of them
// per language tree, and what it wrote. A watch session keeps it and hands it to the next
// rebuild, which returns a new one; nothing else changes it.

import type { ResolvedConfig } from '../config/index.js'
import type { BdsMeta, DataFiles, Post, Translation } from '../content/index.js'
import type { BdsError } from '../errors/index.js'
import type { PythonStep } from '../macros/python/index.js'
import type { Manifest, Ownership, PlannedFile } from '../output/index.js'
import type { RenderedBody, SitemapMemo, TemplateDeps, TemplateStore } from '../render/index.js'
import type { ScriptRow } from '../scripts/index.js'
import type { Tree } from '../site/index.js'
import type { ModelMemo } from './model.js'
import type { ImagesState } from './steps/images.js'
import type { LinkMemo } from './steps/links.js'
import type { MacroMemo } from './steps/macros.js'
import type { SearchState } from './steps/search.js'
import type { ResolvedMemo } from './trees.js'

/** What one language tree made: bodies, macro results, rewritten links, views. */
export interface TreeState {
  tree: Tree
  /** Rendered Markdown by file (macros expanded, links not yet rewritten). */
  bodies: ReadonlyMap<string, RenderedBody>
  macros: MacroMemo
  links: LinkMemo
  /** Post views kept across rebuilds (a cache: the same input gives the same view). */
  memo: ModelMemo
  summaryKey: string
}

export interface PipelineState {
  config: ResolvedConfig
  /** Diagnostics of the config. */
  configDiagnostics: BdsError[]
  /** Every indexed script, the enabled macros among them, and the index's diagnostics. */
  scripts: ScriptRow[]
  macroScripts: ScriptRow[]
  scriptDiagnostics: BdsError[]
  /** The Python side of macros (remade when the scripts change). */
  python: PythonStep
  /** Posts that are built, translations, and files that failed to load (they keep their last good version). */
  posts: ReadonlyMap<string, Post>
  translations: ReadonlyMap<string, Translation>
  errors: ReadonlyMap<string, BdsError>
  /** Posts held back for their date (by file): a rebuild that touches one decides again. */
  held: ReadonlyMap<string, Date>
  /** A bDS project's meta/*.json (categories and their list rules, tags). */
  meta: BdsMeta
  /** The data files (`data/`), read again when one changes. */
  data: DataFiles
  resolved: ResolvedMemo
  trees: TreeState[]
  store: TemplateStore
  /** What each template reads, for page keys. */
  templateDeps?: (name: string) => TemplateDeps
  /** Every file to copy (claimed or not). */
  copies: readonly PlannedFile[]
  /** The image table and the resized variants (remade when media, static or templates change). */
  images: ImagesState
  /** The Pagefind index files and what they were made from. */
  search: SearchState
  sitemap: SitemapMemo
  /** Every output file as written, and the output folder's record of them. */
  manifest: Manifest
  ownership: Ownership
  /** Page output path → the key it was last rendered with (failed pages have none). */
  keys: ReadonlyMap<string, string>
}
