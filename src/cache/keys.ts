// Cache keys: a sha1 over the engine key, the kind of result and the parts that made it. The
// site's settings enter as the resolved config without what is local to a machine or a run
// (absolute paths, the Python runtime, threads, output and run flags), so a clone elsewhere
// computes the same. The base path and origin shape every URL bds writes: they stay in.

import type { ResolvedConfig } from '../config/index.js'
import { hashText } from '../util/hash.js'
import { engineKey } from './engine.js'

/** Bump when the shape of a stored value changes: older rows then simply miss. */
export const CACHE_FORMAT = 1

export function cacheKey(kind: string, ...parts: readonly string[]): string {
  return hashText([engineKey(), CACHE_FORMAT, kind, ...parts].join('\0'))
}

/**
 * Hash of the settings that shape output (not paths, runtime limits or run flags). `drafts` and
 * `future` only decide which posts are built, and every key that depends on the posts hashes
 * them; the record of a whole build adds them itself (runFlags).
 */
export function configKey(config: ResolvedConfig): string {
  const {
    paths: _paths,
    allowOutside: _outside,
    python: _python,
    strict: _strict,
    clean: _clean,
    forceOutput: _force,
    notes: _notes,
    cache: _cache,
    threads: _threads,
    preview: _preview,
    drafts: _drafts,
    future: _future,
    ...rest
  } = config
  return hashText(JSON.stringify(rest))
}

/** The run flags that change which posts a build holds: part of the key of a whole build. */
export function runFlags(config: ResolvedConfig): string {
  return JSON.stringify({ drafts: config.drafts, future: config.future })
}
