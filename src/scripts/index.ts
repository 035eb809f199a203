export { suggest } from '../util/suggest.js'
export { MAX_SCRIPT_BYTES } from './files.js'
export {
  type HeaderValue,
  parseHeader,
  patchHeader,
  quote,
  unquote,
  writeHeader,
} from './header.js'
export {
  DEFAULT_ENTRYPOINT,
  KINDS,
  normalizeSlug,
  readMeta,
  type ScriptKind,
  type ScriptMeta,
} from './meta.js'
export { findScript, newScript, removeScript, setEnabled } from './ops.js'
export { openScriptStore, type ScriptRow, type ScriptStore } from './store.js'
export { type SyncResult, syncScripts } from './sync.js'
