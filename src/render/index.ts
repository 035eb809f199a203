// Rendering: the Markdown and Liquid engines and the pure string producers of a site — pages
// from their jobs, feeds, the sitemap and calendar.json.
export { renderAtom, renderRss } from './feed-xml.js'
export { absolutizeHtml, archiveStyle, type FeedStyle, feedItems, feedStyle } from './feeds.js'
export { feedFiles, type SitemapMemo, siteFiles } from './generated.js'
export {
  besideUrl,
  findImage,
  type ImageInfo,
  type ImageTable,
  type ImageVariant,
  pageUrl,
  pickVariant,
  planVariants,
  RESIZED_FORMATS,
  variantPath,
  variantSizes,
} from './image-table.js'
export { DEFAULT_SIZES, decorateImages } from './images.js'
export { JSON_FEED_VERSION, renderJsonFeed } from './json-feed.js'
export { buildLinkMaps, lineOfLink, type MediaSource } from './link-maps.js'
export { type LinkMaps, rewriteLinks, type UnresolvedLink } from './links.js'
export {
  createLiquid,
  createTemplates,
  type TemplateEngine,
  type TemplateOptions,
} from './liquid.js'
export {
  type MacroScan,
  scanMacroCalls,
  type TemplateMacroCall,
  type TemplateMacros,
  toParams,
} from './macro-tag.js'
export {
  createMarkdown,
  type MarkdownOptions,
  type RenderedBody,
  renderBody,
  withExcerpt,
} from './markdown.js'
export { type PagesResult, runPages } from './pages.js'
export { renderCalendar, renderSitemap } from './sitemap.js'
export { createTemplateDeps, type TemplateDeps } from './template-deps.js'
export { loadTemplateStore, type TemplateFile, type TemplateStore } from './template-store.js'
