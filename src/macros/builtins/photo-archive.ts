// [[photo_archive year=YYYY month=M]] (alias photo_album): every image of the site by month
// of `createdAt` in the site timezone, newest first; without a year the 10 latest months.

import { escapeHtml } from '../../util/html.js'
import { pad2, zonedParts } from '../../util/time.js'
import type { ImageLookup, MediaItem } from '../types.js'
import { isImage, newestFirst, renderImageLink } from './images.js'
import { macroText } from './locale.js'
import type { BuiltinMacro } from './macro.js'
import { intParam, intRule } from './params.js'
import { BUILTIN_TABLE } from './table.js'

const RECENT_MONTHS = 10

interface Month {
  year: number
  month: number
  items: MediaItem[]
}

/** "March 2024": bDS's `render.month.N` name in the site language, then the year. */
export function monthLabel(year: number, month: number, language: string): string {
  return `${macroText(language, `render.month.${month}` as 'render.month.1')} ${year}`
}

function byMonth(items: readonly MediaItem[], timeZone: string): Month[] {
  const months = new Map<string, Month>()
  for (const item of newestFirst(items)) {
    if (!item.createdAt) continue
    const { year, month } = zonedParts(item.createdAt, timeZone)
    const key = `${year}-${pad2(month)}`
    const bucket = months.get(key) ?? { year, month, items: [] }
    bucket.items.push(item)
    months.set(key, bucket)
  }
  return [...months.values()].sort((a, b) => b.year * 12 + b.month - (a.year * 12 + a.month))
}

function renderMonth(m: Month, language: string, base: string, images?: ImageLookup): string {
  const group = `photo-archive-${m.year}-${pad2(m.month)}`
  const label = escapeHtml(monthLabel(m.year, m.month, language))
  return [
    '<div class="photo-archive-month-wrapper"><div class="photo-archive-month">',
    `<div class="photo-archive-month-label"><span>${label}</span></div>`,
    '<div class="photo-archive-gallery">',
    ...m.items.map((item) => renderImageLink(item, 'photo-archive-item', group, base, images)),
    '</div>',
    '</div></div>',
  ].join('\n')
}

const spec = BUILTIN_TABLE.photo_archive

export const photoArchive: BuiltinMacro = {
  ...spec,
  render({ call, site }, report) {
    const macro = call.name
    const year = intParam(call.params, intRule(spec, 'year', macro), report)
    let month = intParam(call.params, intRule(spec, 'month', macro), report)
    if (month !== undefined && year === undefined) {
      report(`The ${macro} parameter month needs a year as well; it was ignored.`)
      month = undefined
    }
    let months = byMonth(site.media.filter(isImage), site.timezone).filter(
      (m) => (year === undefined || m.year === year) && (month === undefined || m.month === month),
    )
    if (year === undefined) months = months.slice(0, RECENT_MONTHS)
    const [mode, attrs] =
      year === undefined
        ? ['recent-months', ` data-recent="${RECENT_MONTHS}"`]
        : month === undefined
          ? ['full-year', ` data-year="${year}"`]
          : ['single-month', ` data-year="${year}" data-month="${month}"`]
    return [
      `<div class="macro-photo-archive photo-archive-${mode}"${attrs}>`,
      '<div class="photo-archive-container">',
      ...(months.length
        ? months.map((m) => renderMonth(m, site.language, site.basePath, site.images))
        : [
            `<div class="photo-archive-empty">${escapeHtml(macroText(site.language, 'render.photoArchive.empty'))}</div>`,
          ]),
      '</div>',
      '</div>',
    ].join('\n')
  },
}
