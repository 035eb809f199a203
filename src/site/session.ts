// A build session for watch mode: a full build that keeps what it built in memory, then
// rebuilds that touch only what changed. A config change, or a rebuild that failed half-way,
// makes the next rebuild a full one. One rebuild at a time: the caller queues them.

import type { InlineConfig, ResolvedConfig } from '../config/index.js'
import { BdsError } from '../errors/index.js'
import { sessionHosts } from '../python/hosts.js'
import { type BuildDeps, build, buildDeps } from './build.js'
import { type RebuildResult, rebuildLive, type SiteChanges } from './incremental.js'
import { createLiveSite, type LiveSite } from './live.js'
import { changedOutputs } from './live-save.js'
import type { SiteState } from './state.js'

export interface SiteSession {
  readonly config: ResolvedConfig
  /** The first build, done by openSession(). */
  readonly first: RebuildResult
  rebuild(changes: SiteChanges): Promise<RebuildResult>
  /** Closes the build cache and stops the session's Python host (one passed in `partial` is the caller's). */
  close(): Promise<void>
}

/**
 * Builds the site in full and keeps it in memory. `partial` is used by every rebuild of the
 * session, so what it holds (a Python pool) stays warm between them.
 */
export async function openSession(
  inline: InlineConfig,
  partial: Partial<BuildDeps> = {},
): Promise<SiteSession> {
  const hosts = partial.python ? undefined : sessionHosts()
  const deps = buildDeps({ ...partial, python: partial.python ?? hosts?.get })
  let live: LiveSite | undefined
  let broken = false
  const full = async (): Promise<RebuildResult> => {
    let state: SiteState | undefined
    const report = await build(inline, {
      ...deps,
      retain: (s) => {
        state = s
      },
    })
    if (!state) throw new BdsError('BDS_INTERNAL', 'The full build kept no state.')
    const before = live?.manifest ?? new Map()
    live?.cache.close()
    live = createLiveSite(state, deps)
    broken = false
    return { report, changed: changedOutputs(before, live.manifest) }
  }
  const first = await full().catch(async (error: unknown) => {
    await hosts?.stop()
    throw error
  })
  return {
    first,
    get config() {
      return (live as LiveSite).config
    },
    async rebuild(changes) {
      try {
        // After a failure (a broken config too) only a full build is sure to be right.
        if (changes.config || broken || !live) return await full()
        return await rebuildLive(live, changes)
      } catch (error) {
        broken = true
        throw error
      }
    },
    async close() {
      live?.cache.close()
      live = undefined
      await hosts?.stop()
    },
  }
}
