// Category metadata as bDS resolves it: defaults for article, picture, aside and page, keys
// trimmed and lower-cased, renderInLists/showTitle true unless false (rfc1437/bDS
// src/main/engine/MetaEngine.ts normalizeCategoryMetadata, BlogGenerationEngine.ts).

export interface CategoryMeta {
  /** false: posts in this category are left out of home, archives, feeds and calendar.json. */
  renderInLists: boolean
  /** false: lists show posts in this category without their title (bDS asides). */
  showTitle: boolean
  /** Display title; the category name when none is set. */
  title: string
  postTemplateSlug?: string
  listTemplateSlug?: string
}

export type CategoryMetaMap = Readonly<Record<string, CategoryMeta>>

/** bDS's DEFAULT_CATEGORIES with their defaults (MetaEngine.getDefaultCategoryMetadata). */
export function defaultCategoryMeta(): Record<string, CategoryMeta> {
  return {
    article: { renderInLists: true, showTitle: true, title: 'article' },
    picture: { renderInLists: true, showTitle: true, title: 'picture' },
    aside: { renderInLists: true, showTitle: false, title: 'aside' },
    page: { renderInLists: false, showTitle: true, title: 'page' },
  }
}

/** bDS's normalizeTaxonomyTerm: trimmed and lower-cased. */
export const categoryKey = (name: string): string => name.trim().toLowerCase()

const str = (v: unknown) => (typeof v === 'string' ? v : undefined)

/**
 * Defaults merged with a category-meta object (meta/category-meta.json, or project.json's
 * legacy `categoryMetadata` / `categorySettings`); entries that are not objects are skipped.
 * `known` categories (meta/categories.json) without an entry get list + title defaults.
 */
export function resolveCategoryMeta(value: unknown, known: readonly string[] = []) {
  const meta = defaultCategoryMeta()
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [raw, settings] of Object.entries(value as Record<string, unknown>)) {
      const key = categoryKey(raw)
      if (!key || !settings || typeof settings !== 'object') continue
      const s = settings as Record<string, unknown>
      const title = str(s.title)?.trim()
      meta[key] = {
        renderInLists: s.renderInLists !== false,
        showTitle: s.showTitle !== false,
        title: title || key,
        ...(str(s.postTemplateSlug) ? { postTemplateSlug: str(s.postTemplateSlug) } : {}),
        ...(str(s.listTemplateSlug) ? { listTemplateSlug: str(s.listTemplateSlug) } : {}),
      }
    }
  }
  for (const name of known) {
    const key = categoryKey(name)
    if (key && !meta[key]) meta[key] = { renderInLists: true, showTitle: true, title: key }
  }
  return meta as CategoryMetaMap
}

const settingsOf = (meta: CategoryMetaMap, category: string) => meta[categoryKey(category)]

/**
 * bDS's list-post rule (GenerationPostSnapshotService, excludeCategories): a post is a list
 * post unless one of its categories has `renderInLists: false`.
 */
export function isListPost(post: { categories: readonly string[] }, meta: CategoryMetaMap) {
  return !post.categories.some((c) => settingsOf(meta, c)?.renderInLists === false)
}

/** bDS PageRenderer shouldShowListTitle: false when any category says `showTitle: false`. */
export function showTitleInLists(post: { categories: readonly string[] }, meta: CategoryMetaMap) {
  return !post.categories.some((c) => settingsOf(meta, c)?.showTitle === false)
}

/** The display title of a category (bDS resolveCategoryDisplayTitle). */
export function categoryTitle(category: string, meta: CategoryMetaMap): string {
  return settingsOf(meta, category)?.title || category
}

/** The list rules of a site with these categories: which posts are list posts, which show titles. */
export function listRules(meta: CategoryMetaMap) {
  return {
    listed: (post: { categories: readonly string[]; kind?: string }) => isListPost(post, meta),
    showTitle: (post: { categories: readonly string[] }) => showTitleInLists(post, meta),
  }
}
