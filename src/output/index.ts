export { removeTempFiles } from './atomic.js'
export { type BuildState, type CacheDb, type Manifest, type ManifestEntry, openCacheDb } from './cache-db.js'
export { type PlannedFile, type WriteResult, type WriteStats, writeOutputs } from './writer.js'
