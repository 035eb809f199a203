// `bds ingest`: a bookmark → a sanitised first post → the site's transform scripts → a new
// post file. The CLI reads the input and prints; everything else happens here.

export { pasteCommand, renderBookmarklet, type Shell, shellFor } from './bookmarklet.js'
export { MAX_LOG_CHARS, MAX_LOGS, runTransforms } from './chain.js'
export { type IngestOptions, ingest } from './ingest.js'
export { bookmarkSchema, MAX_INPUT_BYTES, type RawBookmark, readBookmark } from './input.js'
export { checkPost, postSchema } from './post-schema.js'
export { type IngestReport, ingestReport, ingestReportSchema } from './report.js'
export { initialBody, MAX_TITLE, MAX_URL, sanitizeBookmark, sanitizeUrl } from './sanitize.js'
export { enabledTransforms, transformSources } from './sources.js'
export { visible } from './text.js'
export type * from './types.js'
export { nodePostFiles, type PostFiles } from './write.js'
