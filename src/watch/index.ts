export { type WatchEvent, type Watching, type WatchOptions, watch } from './watch.js'
