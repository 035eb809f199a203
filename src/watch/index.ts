// Watch mode: the preview server, the file watcher, live reload and the build session that
// keeps a site's state between rebuilds.
export { openSession, type RebuildResult, type SiteSession } from './session.js'
export { type WatchEvent, type Watching, type WatchOptions, watch } from './watch.js'
