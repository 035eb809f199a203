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
  type PlannedFile,
  type WriteResult,
  type WriteStats,
} from './sink.js'
export { createWriter, stopWriters, type Writer } from './writer.js'
