export { suggest } from '../util/suggest.js'
export {
  diskScriptFiles,
  isScriptName,
  MAX_SCRIPT_BYTES,
  memoryScriptFiles,
  type ScriptFiles,
} from './files.js'
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
export { type HeaderParam, readHeaderParams } from './params.js'
export {
  openScriptStore,
  type ScriptRow,
  type ScriptStore,
  type StoredSignature,
} from './store.js'
export { type SyncResult, syncScripts } from './sync.js'
