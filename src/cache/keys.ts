// Cache keys: a sha1 over the engine key, the kind of result and the parts that made it. The
// site's settings enter as the resolved config without what is local to a machine or a run
// (absolute paths, the Python runtime, output flags), so a clone elsewhere computes the same.

import type { ResolvedConfig } from '../config/index.js'
import { hashText } from '../util/hash.js'
import { engineKey } from './engine.js'

/** Bump when the shape of a stored value changes: older rows then simply miss. */
export const CACHE_FORMAT = 1

export function cacheKey(kind: string, ...parts: readonly string[]): string {
  return hashText([engineKey(), CACHE_FORMAT, kind, ...parts].join('\0'))
}

/** Hash of the settings that shape output (not paths, runtime limits or run flags). */
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
    ...rest
  } = config
  return hashText(JSON.stringify(rest))
}
