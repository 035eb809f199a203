export { DEFAULT_LIMITS, limitsFor, resolveLimits } from './limits.js'
export { BDS_PROJECT_FILE, CONFIG_FILE, type LoadedConfig, loadConfig } from './load.js'
export { resolveConfig } from './resolve.js'
export type {
  InlineConfig,
  ResolvedConfig,
  ResolvedLimits,
  SitePaths,
  UserConfig,
} from './types.js'
