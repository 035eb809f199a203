// The Liquid filters bds adds to liquidjs's standard set. Pure functions of their input and
// the site settings; `date` itself is liquidjs's, set to the site timezone.

import { escapeXml, stripHtml } from '../util/html.js'
import { slugify } from '../util/slug.js'
import { isoUtc } from '../util/time.js'

function toDate(value: unknown): Date | undefined {
  if (value instanceof Date) return value
  if (typeof value === 'string' || typeof value === 'number') {
    const d = new Date(value)
    return Number.isNaN(d.getTime()) ? undefined : d
  }
  return undefined
}

export function createFilters(siteUrl: string): Record<string, (...args: never[]) => unknown> {
  return {
    date_iso: (value: unknown) => {
      const d = toDate(value)
      return d ? isoUtc(d) : ''
    },
    absolute_url: (value: unknown) => {
      const path = String(value ?? '')
      if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//')) return path
      return `${siteUrl}${path.startsWith('/') ? '' : '/'}${path}`
    },
    relative_url: (value: unknown) => {
      const path = String(value ?? '')
      return path.startsWith('/') ? path : `/${path}`
    },
    slugify: (value: unknown) => slugify(String(value ?? '')),
    excerpt: (value: unknown, words = 50) => {
      const all = stripHtml(String(value ?? '')).split(' ')
      return all.length <= words ? all.join(' ') : `${all.slice(0, words).join(' ')}…`
    },
    xml_escape: (value: unknown) => escapeXml(value),
  }
}
