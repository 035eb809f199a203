export {
  type CategoryMeta,
  type CategoryMetaMap,
  categoryKey,
  categoryTitle,
  defaultCategoryMeta,
  isListPost,
  listRules,
  resolveCategoryMeta,
  showTitleInLists,
} from './category-meta.js'
export { type BdsMeta, type BdsTag, parseCategories, parseTags, readBdsMeta } from './meta-files.js'
export { isRendered, renderedPosts } from './status.js'
