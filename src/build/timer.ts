// Step timing for the build summary, and the BuildReport it ends in.

import type { CacheReport } from '../cache/index.js'
import type { ResolvedConfig } from '../config/index.js'
import type { Diagnostic } from '../errors/index.js'
import type { WriteStats } from '../output/index.js'
import { BDS_VERSION } from '../version.js'
import type { BuildReport } from './report.js'
import type { ContentSummary } from './steps/content.js'

export interface StepTimer {
  step<T>(name: string, fn: () => Promise<T> | T): Promise<T>
  report(r: {
    config: ResolvedConfig
    upToDate: boolean
    diagnostics: Diagnostic[]
    outputs: WriteStats
    macros?: Record<string, number>
    python?: BuildReport['python']
    cache?: CacheReport
    content?: ContentSummary
  }): BuildReport
}

/** The note of a build that held posts back (a note, not a warning: --strict passes). */
export function heldNote(content: ContentSummary): string[] {
  if (content.held === 0) return []
  const posts = content.held === 1 ? '1 post is' : `${content.held} posts are`
  const next = content.due ? `; the next is due ${content.due}` : ''
  return [
    `${posts} dated in the future and not built${next}; --future builds them, and a build at or after that date publishes them.`,
  ]
}

/** `onStep` hears each step's name as it starts (the CLI shows it as progress on a TTY). */
export function createStepTimer(onStep?: (name: string) => void): StepTimer {
  const started = performance.now()
  const steps: { name: string; ms: number }[] = []
  return {
    async step(name, fn) {
      onStep?.(name)
      const t0 = performance.now()
      try {
        return await fn()
      } finally {
        steps.push({ name, ms: Math.round((performance.now() - t0) * 10) / 10 })
      }
    },
    report({ config, upToDate, diagnostics, outputs, macros = {}, python, cache, content }) {
      const errors = diagnostics.filter((d) => d.severity === 'error').length
      return {
        bds: BDS_VERSION,
        site: config.paths.root,
        outDir: config.paths.out,
        ok: errors === 0,
        upToDate,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        steps,
        outputs,
        macros,
        diagnostics,
        notes: [...config.notes, ...(content ? heldNote(content) : [])],
        ...(cache ? { cache } : {}),
        drafts: content?.drafts ?? 0,
        future: content?.held ?? 0,
        ...(python ? { python } : {}),
        errors,
        warnings: diagnostics.length - errors,
        maxRssBytes: process.resourceUsage().maxRSS * 1024,
      }
    },
  }
}
