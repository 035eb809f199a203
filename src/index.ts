// The bds library: build a site from code. The CLI is a thin shell over these calls.

export {
  type BuildDeps,
  type BuildReport,
  build,
  emptyChanges,
  memoryDeps,
  type SiteChanges,
} from './build/index.js'
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
export { BDS_VERSION } from './version.js'
export {
  openSession,
  type RebuildResult,
  type SiteSession,
  type WatchEvent,
  type Watching,
  type WatchOptions,
  watch,
} from './watch/index.js'
