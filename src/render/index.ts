export {
  createLiquid,
  createTemplates,
  type TemplateEngine,
  type TemplateOptions,
} from './liquid.js'
export {
  createMarkdown,
  type MarkdownOptions,
  type RenderedBody,
  renderBody,
  withExcerpt,
} from './markdown.js'
export { createTemplateDeps, type TemplateDeps } from './template-deps.js'
export { loadTemplateStore, type TemplateFile, type TemplateStore } from './template-store.js'
