// createTemplates: a liquidjs engine over the TemplateStore with bds's filters, and render()
// that turns Liquid errors into BdsErrors naming the template file, line and column. Every
// render runs under the render limits (render-limits.ts), and a page over the page size
// limit is an error, so one runaway template fails its pages alone.

import { type FS, Liquid } from 'liquidjs'
import { DEFAULT_LIMITS, type ResolvedLimits } from '../config/index.js'
import { BdsError, isBdsError } from '../errors/index.js'
import { checkPageSize } from '../macros/index.js'
import { suggest } from '../util/suggest.js'
import { CacheTag } from './cache-tag.js'
import { useFastRenderer } from './fast-render.js'
import { createFilters } from './filters.js'
import { type Locate, macroFilter, macroTag, type TemplateMacros } from './macro-tag.js'
import { limitedContext, limitMessage } from './render-limits.js'
import { storeFs, type TemplateStore } from './template-store.js'

export interface TemplateEngine {
  has(name: string): boolean
  /** First of `names` that exists, or undefined. */
  pick(names: readonly (string | undefined)[]): string | undefined
  render(name: string, scope: Record<string, unknown>): string
}

export interface TemplateOptions {
  /** `scheme://host` of the site's URL (absolute_url). */
  origin: string
  /** The site's base path, '' or `/project` (relative_url, absolute_url). */
  basePath: string
  timezone: string
  language: string
  globals: Record<string, unknown>
  /** The `limits` of the config; those the store carries when absent. */
  limits?: ResolvedLimits
  /**
   * Asked between two template nodes, with the time limit: true stops the render (a render
   * worker passes a check of its interrupt flag, so a runaway render stops on Ctrl-C).
   */
  stopped?: () => boolean
  /** Render through compiled templates (render/fast-render.ts); false: liquidjs's own way. */
  fast?: boolean
  /** Where `{% macro %}` and `| macro` calls go; without it they render as nothing. */
  macros?: TemplateMacros
}

/** " (did you mean the tag "macro"?)" for a misspelt tag or filter name, else ''. */
function nearest(message: string, liquid: Liquid | undefined): string {
  const tag = /tag "([^"]+)" not found/.exec(message)?.[1]
  const filter = /undefined filter: (\S+)/.exec(message)?.[1]
  if (!liquid || (!tag && !filter)) return ''
  const names = Object.keys(tag ? liquid.tags : liquid.filters)
  const near = suggest((tag ?? filter) as string, names)
  return near ? ` (did you mean the ${tag ? 'tag' : 'filter'} "${near}"?)` : ''
}

function toBdsError(
  error: unknown,
  store: TemplateStore,
  name: string,
  limits: ResolvedLimits,
  liquid?: Liquid,
): BdsError {
  const e = error as {
    name?: string
    message?: string
    token?: { file?: string; getPosition?: () => [number, number] }
    originalError?: Error
  }
  const isParse = e.name === 'ParseError' || e.name === 'TokenizationError'
  const [line, column] = e.token?.getPosition?.() ?? [1, 1]
  const file = e.token?.file ? store.byPath.get(e.token.file)?.display : undefined
  const pos = { file: file ?? store.templates.get(name)?.display ?? name, line, column }
  const limited = limitMessage(error, store.templates.get(name)?.display ?? name, limits)
  if (limited) return new BdsError('BDS_TEMPLATE_LIMIT', limited, { pos, cause: error })
  const code = isParse ? 'BDS_TEMPLATE_PARSE' : 'BDS_TEMPLATE_RENDER'
  const message = (e.originalError?.message ?? e.message ?? String(error))
    .replace(/, file:.*$/s, '')
    .replace(/, line:\d+, col:\d+$/, '')
  const near = nearest(message, liquid)
  return new BdsError(code, `${message}${near} (while rendering ${name}).`, { pos, cause: error })
}

/** A liquidjs engine over the store with bds's tags and filters (also used for analysis). */
export function createLiquid(
  store: TemplateStore,
  options: TemplateOptions,
  fs: FS = storeFs(store),
  cache = true,
): Liquid {
  const liquid = new Liquid({
    parseLimit: (options.limits ?? store.limits ?? DEFAULT_LIMITS).templateChars,
    root: ['/'],
    fs,
    extname: '.liquid',
    cache,
    relativeReference: false,
    strictFilters: true,
    timezoneOffset: options.timezone,
    globals: options.globals,
  })
  if (options.fast !== false) useFastRenderer(liquid)
  liquid.registerTag('cache', CacheTag)
  const locate: Locate = (token) => {
    const [line = 1, column = 1] = token.getPosition()
    const file = token.file ? (store.byPath.get(token.file)?.display ?? token.file) : 'template'
    return { file, line, column }
  }
  const macros = () => options.macros
  liquid.registerTag('macro', macroTag(macros, locate))
  liquid.registerFilter('macro', macroFilter(macros, locate))
  for (const [name, fn] of Object.entries(
    createFilters({
      origin: options.origin,
      basePath: options.basePath,
      timezone: options.timezone,
      language: options.language,
    }),
  )) {
    liquid.registerFilter(name, fn as (...args: unknown[]) => unknown)
  }
  return liquid
}

export function createTemplates(store: TemplateStore, options: TemplateOptions): TemplateEngine {
  const liquid = createLiquid(store, options)
  const limits = options.limits ?? store.limits ?? DEFAULT_LIMITS
  const parsed = new Map<string, ReturnType<Liquid['parse']> | BdsError>()
  const has = (name: string) => store.templates.has(name)
  return {
    has,
    pick: (names) => names.find((n): n is string => n !== undefined && has(n)),
    render(name, scope) {
      let tpl = parsed.get(name)
      if (tpl === undefined) {
        try {
          tpl = liquid.parseFileSync(name)
        } catch (error) {
          tpl = toBdsError(error, store, name, limits, liquid)
        }
        parsed.set(name, tpl)
      }
      if (isBdsError(tpl)) throw tpl
      let html: string
      options.macros?.enter(scope)
      try {
        // `page` is a global too, so partials included with {% render %} can see it.
        const globals =
          scope.page === undefined ? options.globals : { ...options.globals, page: scope.page }
        const ctx = limitedContext(liquid, scope, globals, limits, options.stopped)
        html = liquid.renderSync(tpl, ctx) as string
      } catch (error) {
        throw toBdsError(error, store, name, limits, liquid)
      } finally {
        options.macros?.leave()
      }
      const display = store.templates.get(name)?.display ?? name
      const tooLarge = checkPageSize(html, limits.pageChars, { file: display, line: 0, column: 0 })
      if (tooLarge) throw tooLarge
      return html
    },
  }
}
