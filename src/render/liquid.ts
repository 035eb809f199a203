// createTemplates: a liquidjs engine over the TemplateStore with bds's filters, and render()
// that turns Liquid errors into BdsErrors naming the template file, line and column.

import { type FS, Liquid } from 'liquidjs'
import { BdsError, isBdsError } from '../errors/index.js'
import { CacheTag } from './cache-tag.js'
import { createFilters } from './filters.js'
import { storeFs, type TemplateStore } from './template-store.js'

export interface TemplateEngine {
  has(name: string): boolean
  /** First of `names` that exists, or undefined. */
  pick(names: readonly (string | undefined)[]): string | undefined
  render(name: string, scope: Record<string, unknown>): string
}

export interface TemplateOptions {
  siteUrl: string
  timezone: string
  language: string
  globals: Record<string, unknown>
}

function toBdsError(error: unknown, store: TemplateStore, name: string): BdsError {
  const e = error as {
    name?: string
    message?: string
    token?: { file?: string; getPosition?: () => [number, number] }
    originalError?: Error
  }
  const isParse = e.name === 'ParseError' || e.name === 'TokenizationError'
  const code = isParse ? 'BDS_TEMPLATE_PARSE' : 'BDS_TEMPLATE_RENDER'
  const [line, column] = e.token?.getPosition?.() ?? [1, 1]
  const file = e.token?.file ? store.byPath.get(e.token.file)?.display : undefined
  const message = (e.originalError?.message ?? e.message ?? String(error))
    .replace(/, file:.*$/s, '')
    .replace(/, line:\d+, col:\d+$/, '')
  return new BdsError(code, `${message} (while rendering ${name}).`, {
    pos: { file: file ?? store.templates.get(name)?.display ?? name, line, column },
    cause: error,
  })
}

/** A liquidjs engine over the store with bds's tags and filters (also used for analysis). */
export function createLiquid(
  store: TemplateStore,
  options: TemplateOptions,
  fs: FS = storeFs(store),
  cache = true,
): Liquid {
  const liquid = new Liquid({
    root: ['/'],
    fs,
    extname: '.liquid',
    cache,
    relativeReference: false,
    strictFilters: true,
    timezoneOffset: options.timezone,
    globals: options.globals,
  })
  liquid.registerTag('cache', CacheTag)
  for (const [name, fn] of Object.entries(
    createFilters({
      siteUrl: options.siteUrl,
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
          tpl = toBdsError(error, store, name)
        }
        parsed.set(name, tpl)
      }
      if (isBdsError(tpl)) throw tpl
      try {
        // `page` is a global too, so partials included with {% render %} can see it.
        const globals =
          scope.page === undefined ? options.globals : { ...options.globals, page: scope.page }
        return liquid.renderSync(tpl, scope, { globals }) as string
      } catch (error) {
        throw toBdsError(error, store, name)
      }
    },
  }
}
