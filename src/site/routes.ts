// The bDS URL scheme as pure functions: post, page, taxonomy and date-archive URLs, page N
// of a list, and the output file for a URL (every route is ROUTE/index.html).

import type { PostMeta } from '../content/index.js'
import { termSegment } from '../util/slug.js'
import { pad2, zonedParts } from '../util/time.js'

export interface DateKey {
  year: number
  month: number
  day: number
}

const dateKeys = new WeakMap<Date, DateKey & { zone: string }>()

/** The date's day in `timeZone`; remembered per Date, as posts are kept across rebuilds. */
export function dateKey(date: Date, timeZone: string): DateKey {
  const known = dateKeys.get(date)
  if (known?.zone === timeZone) return { year: known.year, month: known.month, day: known.day }
  const p = zonedParts(date, timeZone)
  dateKeys.set(date, { year: p.year, month: p.month, day: p.day, zone: timeZone })
  return { year: p.year, month: p.month, day: p.day }
}

// Every function takes the URL prefix of its tree: the site's base path, then `/en` in a
// language subtree ('' for the main tree of a site at a domain's root).

export function postUrl(post: PostMeta, timeZone: string, prefix = ''): string {
  const slug = encodeURIComponent(post.slug)
  if (post.kind === 'page') return `${prefix}/${slug}/`
  return permalink(post, timeZone, prefix)
}

/** /YYYY/MM/DD/slug/: every dated post has it, pages with a date too (bDS). */
export function permalink(post: PostMeta, timeZone: string, prefix = ''): string {
  const d = dateKey(post.date, timeZone)
  return `${prefix}/${d.year}/${pad2(d.month)}/${pad2(d.day)}/${encodeURIComponent(post.slug)}/`
}

/** A term's archive: `path` is `tag`, `category` or a custom taxonomy's path. */
export function termUrl(path: string, name: string, prefix = ''): string {
  return `${prefix}/${path}/${encodeURIComponent(termSegment(name))}/`
}

export function yearUrl(year: number, prefix = ''): string {
  return `${prefix}/${year}/`
}

export function monthUrl(year: number, month: number, prefix = ''): string {
  return `${prefix}/${year}/${pad2(month)}/`
}

export function dayUrl(year: number, month: number, day: number, prefix = ''): string {
  return `${prefix}/${year}/${pad2(month)}/${pad2(day)}/`
}

/** URL of page `n` (1-based) of the list whose first page is `base`. */
export function pageUrl(base: string, n: number): string {
  return n <= 1 ? base : `${base}page/${n}/`
}

/** Output file (relative to the output folder, which is the base path) for a route URL. */
export function outputPath(url: string, base = ''): string {
  const path = url.slice(base.length)
  if (!path.endsWith('/')) return decodeURIComponent(path.slice(1))
  return `${decodeURIComponent(path.slice(1))}index.html`
}
