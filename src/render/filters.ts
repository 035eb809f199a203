// The Liquid filters bds adds to liquidjs's standard set. Pure functions of their input and
// the site settings; `date` itself is liquidjs's, set to the site timezone.

import { translate } from '../locales/index.js'
import { withBase } from '../util/base-path.js'
import { escapeXml, stripHtml } from '../util/html.js'
import { slugify } from '../util/slug.js'
import { isoUtc, parseDate } from '../util/time.js'
import { strftime } from './strftime.js'

function toDate(value: unknown, timeZone: string): Date | undefined {
  if (value instanceof Date) return value
  if (typeof value === 'number') return new Date(value * 1000)
  if (typeof value === 'string') {
    const d = parseDate(value, timeZone) ?? new Date(value)
    return Number.isNaN(d.getTime()) ? undefined : d
  }
  return undefined
}

export interface FilterOptions {
  /** `scheme://host` of the site's URL. */
  origin: string
  /** '' or `/project`: what relative_url puts in front of a path. */
  basePath: string
  timezone: string
  language: string
}

export function createFilters(o: FilterOptions): Record<string, (...args: never[]) => unknown> {
  const { origin, basePath, timezone } = o
  /** A path under the base; one already under it is left as it is (decision 0020). */
  const relative = (value: unknown) => {
    const path = String(value ?? '')
    return withBase(path.startsWith('/') ? path : `/${path}`, basePath)
  }
  const formatted = new Map<string, string>()
  return {
    /** strftime in the site timezone; anything that is not a date is returned unchanged. */
    date: (value: unknown, format = '%Y-%m-%d') => {
      const d = value === 'now' || value === 'today' ? undefined : toDate(value, timezone)
      if (!d) return value
      const key = `${d.getTime()}|${format}`
      let s = formatted.get(key)
      if (s === undefined) {
        s = strftime(d, String(format), timezone, o.language)
        formatted.set(key, s)
      }
      return s
    },
    date_iso: (value: unknown) => {
      const d = toDate(value, timezone)
      return d ? isoUtc(d) : ''
    },
    absolute_url: (value: unknown) => {
      const path = String(value ?? '')
      if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//')) return path
      return `${origin}${relative(path)}`
    },
    relative_url: relative,
    slugify: (value: unknown) => slugify(String(value ?? '')),
    excerpt: (value: unknown, words = 50) => {
      const all = stripHtml(String(value ?? '')).split(' ')
      return all.length <= words ? all.join(' ') : `${all.slice(0, words).join(' ')}…`
    },
    xml_escape: (value: unknown) => escapeXml(value),
    /**
     * A theme string in the page's tree language: `{{ 'theme.updated' | t }}`, with named
     * placeholders from keyword arguments: `{{ 'theme.pageOf' | t: page: 2, pages: 5 }}`.
     */
    t: (key: unknown, ...args: unknown[]) => {
      const vars: Record<string, string | number> = {}
      for (const arg of args)
        if (Array.isArray(arg) && arg.length === 2) vars[String(arg[0])] = arg[1] as string
      return translate(o.language, String(key ?? ''), vars)
    },
  }
}
