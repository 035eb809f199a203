// bds watch as a library call, and the preview server `bds serve` uses on its own.

export { listenError } from './listen-error.js'
export { createLiveReload } from './livereload.js'
export { createPreviewServer, listen } from './server.js'
export { type WatchEvent, type Watching, type WatchOptions, watch } from './watch.js'
