// A build session for watch mode: a full build that keeps its state, then rebuilds that redo
// only what changed. A config change, or a rebuild that failed half-way, makes the next
// rebuild a full one. One rebuild at a time: the caller queues them.

import {
  type BuildDeps,
  type BuildOutcome,
  buildDeps,
  buildSite,
  type PipelineState,
  rebuildSite,
  type SiteChanges,
} from '../build/index.js'
import type { InlineConfig, ResolvedConfig } from '../config/index.js'
import { sessionHosts } from '../macros/python/index.js'
import type { CacheDb } from '../output/index.js'

export type RebuildResult = Pick<BuildOutcome, 'report' | 'changed'>

export interface SiteSession {
  readonly config: ResolvedConfig
  /** The first build, done by openSession(). */
  readonly first: RebuildResult
  rebuild(changes: SiteChanges): Promise<RebuildResult>
  /** Closes the build cache and stops the session's Python host (one passed in `partial` is the caller's). */
  close(): Promise<void>
}

/**
 * Builds the site in full and keeps its state. `partial` is used by every rebuild of the
 * session, so what it holds (a Python pool) stays warm between them.
 */
export async function openSession(
  inline: InlineConfig,
  partial: Partial<BuildDeps> = {},
): Promise<SiteSession> {
  const hosts = partial.python ? undefined : sessionHosts()
  const deps = buildDeps({ ...partial, python: partial.python ?? hosts?.get })
  let state: PipelineState | undefined
  // The build cache stays open for the session (closing it costs a WAL checkpoint).
  let cache: CacheDb | undefined
  let broken = false
  const full = async (): Promise<RebuildResult> => {
    const outcome = await buildSite(inline, deps, { keep: true })
    state = outcome.state as PipelineState
    cache?.close()
    cache = deps.stores.cache(state.config.paths.cache)
    broken = false
    return outcome
  }
  const first = await full().catch(async (error: unknown) => {
    await hosts?.stop()
    throw error
  })
  return {
    first,
    get config() {
      return (state as PipelineState).config
    },
    async rebuild(changes) {
      try {
        // After a failure (a broken config too) only a full build is sure to be right.
        if (changes.config || broken || !state || !cache) return await full()
        const outcome = await rebuildSite(state, changes, deps, cache)
        state = outcome.state
        return outcome
      } catch (error) {
        broken = true
        throw error
      }
    },
    async close() {
      cache?.close()
      cache = undefined
      state = undefined
      await hosts?.stop()
    },
  }
}
