export { statFile } from '../util/file-kind.js'
export {
  type BuildState,
  type CacheDb,
  type Manifest,
  type ManifestEntry,
  openCacheDb,
} from './cache-db.js'
export { clearTemp, createDiskWriter } from './disk-writer.js'
export { finishOutputs } from './finish.js'
export { createMemoryWriter, type MemoryWriter } from './memory-writer.js'
export { type ClaimOptions, claimOutput, type Ownership, recordOutput } from './ownership.js'
export { MARKER, TEMP_DIR, unsafeOutputPath } from './paths.js'
export {
  createFileSink,
  emptyStats,
  type FileSink,
  type PlannedFile,
  type SinkOptions,
  type WriteResult,
  type WriteStats,
} from './sink.js'
export type { OutputData, OutputWriter } from './writer.js'
