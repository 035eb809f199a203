export { type ContentResult, loadContent } from './discover.js'
export { createPost, type PostDefaults } from './document.js'
export { splitFrontMatter } from './front-matter.js'
export type { Post, PostKind, PostStatus } from './types.js'
