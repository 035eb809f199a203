export {
  type BuildState,
  type CacheDb,
  type Manifest,
  type ManifestEntry,
  openCacheDb,
} from './cache-db.js'
export {
  createFileSink,
  type FileSink,
  finishOutputs,
  type PlannedFile,
  type SinkOptions,
  type WriteResult,
  type WriteStats,
} from './sink.js'
