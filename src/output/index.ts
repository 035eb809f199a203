export {
  type BuildState,
  type CacheDb,
  type Manifest,
  type ManifestEntry,
  openCacheDb,
} from './cache-db.js'
export { createDiskWriter, statFile, tempName } from './disk-writer.js'
export { finishOutputs } from './finish.js'
export { createMemoryWriter, type MemoryWriter } from './memory-writer.js'
export {
  createFileSink,
  type FileSink,
  type PlannedFile,
  type SinkOptions,
  type WriteResult,
  type WriteStats,
} from './sink.js'
export type { OutputData, OutputWriter } from './writer.js'
