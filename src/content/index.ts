export {
  type ContentResult,
  contentKind,
  isVisible,
  loadContent,
  readContentFile,
} from './discover.js'
export { createPost, type PostDefaults } from './document.js'
export { splitFrontMatter } from './front-matter.js'
export { loadMedia, type MediaResult } from './media.js'
export { frontMatterLine, postFolder, renderPostFile } from './post-file.js'
export type { Post, PostKind, PostStatus } from './types.js'
