export {
  changedData,
  type DataFiles,
  noData,
  parseDataFile,
  readDataFiles,
} from './data-files.js'
export {
  type ContentResult,
  contentKind,
  isVisible,
  loadContent,
  readContentFile,
} from './discover.js'
export { createPost, type PostDefaults } from './document.js'
export { splitFrontMatter } from './front-matter.js'
export { type MacroPostData, macroPostData } from './macro-post.js'
export { loadMedia, type MediaResult } from './media.js'
export { frontMatterLine, postFolder, renderPostFile } from './post-file.js'
export { type BdsMeta, type CategoryMetaMap, listRules, readBdsMeta } from './project/index.js'
export { isScheduled, publishesAt } from './schedule.js'
export { type ParsedSidecar, parseSidecar, type SidecarData } from './sidecar.js'
export {
  isTranslationData,
  looksLikeTranslation,
  parseTranslation,
  type Translation,
} from './translation.js'
export {
  isTranslatable,
  joinTranslations,
  postLanguage,
  resolveForLanguage,
  type TranslationSets,
  translationSlug,
} from './translation-sets.js'
export {
  type MediaItem,
  metaOf,
  type Post,
  type PostKind,
  type PostMeta,
  type PostStatus,
} from './types.js'
