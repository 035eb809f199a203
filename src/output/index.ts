export {
  type BuildState,
  type CacheDb,
  type Manifest,
  type ManifestEntry,
  openCacheDb,
} from './cache-db.js'
export { finishOutputs } from './finish.js'
export {
  createFileSink,
  type FileSink,
  type PlannedFile,
  type SinkOptions,
  type WriteResult,
  type WriteStats,
} from './sink.js'
