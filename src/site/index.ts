// The page model: pure functions from posts to collections, URLs, lists, views and the plan
// of every page. Nothing here reads files or renders templates.

export {
  type Collections,
  collect,
  lastUpdated,
  newestFirst,
  type TaxonomyTerms,
  type Term,
} from './collections.js'
export { FEED_FORMATS, type FeedLink, feedLinks } from './feed-links.js'
export { type ListFeeds, type ListSpec, listSpecs } from './lists.js'
export { type NavItem, navProblems, siteNav } from './nav.js'
export { type Alternate, pageMeta, plainExcerpt } from './page-meta.js'
export {
  type PageJob,
  type PagesPart,
  type PagesPlan,
  planPages,
  type SiteAlternates,
  type SitemapRoute,
  type TemplateChoice,
} from './pages.js'
export { createRouteTable, type RouteTable } from './route-table.js'
export { dateKey, outputPath, pageUrl, postUrl, termUrl } from './routes.js'
export { searchPartCount, searchPartDir } from './search-parts.js'
export {
  defaultRules,
  type IndexOptions,
  indexSite,
  type SiteIndex,
  type SiteRules,
  type TermView,
  type Tree,
} from './site-index.js'
export {
  type LazyBody,
  type PostView,
  postView,
  SUMMARY,
  type Summaries,
  siteView,
} from './views.js'
