// The bds library: build a site from code. The CLI is a thin shell over these calls.

export {
  type InlineConfig,
  loadConfig,
  type ResolvedConfig,
  resolveConfig,
  type UserConfig,
} from './config/index.js'
export {
  BdsError,
  type Diagnostic,
  type ErrorCode,
  isBdsError,
  type SourcePos,
} from './errors/index.js'
export {
  type BuildDeps,
  type BuildReport,
  build,
  emptyChanges,
  openSession,
  type RebuildResult,
  type SiteChanges,
  type SiteSession,
} from './site/index.js'
export { BDS_VERSION } from './version.js'
export { type WatchEvent, type Watching, type WatchOptions, watch } from './watch/index.js'
