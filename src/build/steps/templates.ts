// The templates step: the theme (the site's templates over the bundled ones) is read in a full
// build and when a template changed; the post views of a session survive it unless the
// summary partial appeared or went away (a view's summary getter exists only with it).

import type { ResolvedConfig } from '../../config/index.js'
import {
  createTemplateDeps,
  loadTemplateStore,
  type TemplateDeps,
  type TemplateStore,
} from '../../render/index.js'
import { SUMMARY } from '../../site/index.js'
import type { BuildDeps } from '../deps.js'

export interface Theme {
  store: TemplateStore
  /** The post views of the last build cannot be kept (the summary partial came or went). */
  newViews: boolean
  /** What each template reads (for page keys); only when the build's state is kept. */
  templateDeps?: (name: string) => TemplateDeps
}

function templateDepsOf(config: ResolvedConfig, store: TemplateStore) {
  const { origin, basePath, timezone, language } = config
  const options = { origin, basePath, timezone, language }
  return createTemplateDeps(store, { ...options, globals: {} })
}

export async function runTemplatesStep(
  config: ResolvedConfig,
  deps: BuildDeps,
  keep: boolean,
  previous?: Omit<Theme, 'newViews'>,
  changed = true,
): Promise<Theme> {
  if (previous && !changed) return { ...previous, newViews: false }
  const { templates, root } = config.paths
  const store = await loadTemplateStore(deps.templatesDir, templates, root, deps.fs)
  const summaries = (s: TemplateStore) => s.templates.has(SUMMARY)
  const sameViews = previous && summaries(previous.store) === summaries(store)
  return {
    store,
    newViews: !sameViews,
    templateDeps: keep ? templateDepsOf(config, store) : undefined,
  }
}
