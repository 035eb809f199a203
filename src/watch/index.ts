// Watch mode: the preview server (`bds serve` uses it on its own), the file watcher, live
// reload and the build session that keeps a site's state between rebuilds.
export { listenError } from './listen-error.js'
export { createLiveReload } from './livereload.js'
export { createPreviewServer, listen } from './server.js'
export { openSession, type RebuildResult, type SiteSession } from './session.js'
export { type WatchEvent, type Watching, type WatchOptions, watch } from './watch.js'
