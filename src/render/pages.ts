// runPages: renders page jobs with the Liquid theme and hands each page to `emit`. A page
// whose template fails becomes a diagnostic and is left out; the others still render.

import { asBdsError, type BdsError } from '../errors/index.js'
import type { PlannedFile } from '../output/index.js'
import type { PageJob } from '../site/index.js'
import type { TemplateEngine } from './liquid.js'

export interface PagesResult {
  /** Output paths that failed to render: their previous output is kept. */
  failed: string[]
  diagnostics: BdsError[]
}

/** Renders `jobs[from..to)`, handing each page to `emit`. */
export function runPages(
  jobs: readonly PageJob[],
  templates: TemplateEngine,
  emit: (file: PlannedFile) => void,
  into: PagesResult,
  from = 0,
  to = jobs.length,
): void {
  for (let i = from; i < to; i++) {
    const job = jobs[i] as PageJob
    let contents: string
    try {
      contents = templates.render(job.template, job.scope())
    } catch (error) {
      into.failed.push(job.path)
      into.diagnostics.push(asBdsError(error))
      continue
    }
    emit({ path: job.path, source: job.source, contents })
  }
}
