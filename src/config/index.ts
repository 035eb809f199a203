export { DEFAULT_LIMITS, limitsFor, resolveLimits } from './limits.js'
export { BDS_PROJECT_FILE, CONFIG_FILE, type LoadedConfig, loadConfig } from './load.js'
export { resolveConfig } from './resolve.js'
export type {
  FeedFormat,
  InlineConfig,
  NavEntry,
  ResolvedConfig,
  ResolvedFeeds,
  ResolvedLimits,
  SitePaths,
  Taxonomy,
  UserConfig,
} from './types.js'
