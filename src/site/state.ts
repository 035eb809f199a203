// SiteState: what a full build knew when it finished — the inputs it read, what it made of
// them and what it wrote. A watch session starts from it and keeps it current (session.ts).

import type { ResolvedConfig } from '../config/index.js'
import type { Post } from '../content/index.js'
import type { BdsError } from '../errors/index.js'
import type { Manifest, PlannedFile } from '../output/index.js'
import type { RenderedBody, TemplateStore } from '../render/index.js'
import type { ScriptRow } from '../scripts/index.js'
import type { MacroStep } from './macro-step.js'

export interface SiteState {
  config: ResolvedConfig
  /** Enabled macro scripts. */
  macroScripts: ScriptRow[]
  /** Diagnostics from before the content was read: config and script index. */
  setup: BdsError[]
  /** Posts and pages that were built, in content order. */
  posts: Post[]
  /** `bodies[i]` is the rendered Markdown of `posts[i]`. */
  bodies: RenderedBody[]
  /** Files that could not be read or parsed. */
  contentErrors: BdsError[]
  macros: MacroStep
  store: TemplateStore
  /** Files copied as they are (theme assets, static/, media/). */
  copies: PlannedFile[]
  /** Every output file as written, and the pages that failed (their old output was kept). */
  manifest: Manifest
  failed: string[]
}
