// The build cache (.bds/cache.db): results keyed by hashes of everything that made them —
// rendered Markdown, macro outputs with the site data they read, pages, whole builds — so a
// build anywhere renders only what changed. docs/cache.md explains the keys.
export {
  type CacheDb,
  KINDS,
  type Kind,
  openCacheFile,
  type PageRow,
  type PlainKind,
} from './db.js'
export { engineKey } from './engine.js'
export { contentFingerprint } from './fingerprint.js'
export { CACHE_FORMAT, cacheKey, configKey, runFlags } from './keys.js'
export { cachedRunner } from './macro-runner.js'
export type { PageSource, StoredPage } from './page-files.js'
export {
  type BuildCache,
  type CacheCounts,
  type CachedPage,
  type CacheReport,
  createBuildCache,
} from './session.js'
