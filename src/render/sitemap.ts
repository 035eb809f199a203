// sitemap.xml (every HTML route with its newest date) and calendar.json (post counts per
// year, month and day, as bDS's calendar widget reads them). Pure.

import { type Collections, dateKey, type SitemapRoute } from '../site/index.js'
import { escapeXml } from '../util/html.js'
import { isoUtc, pad2 } from '../util/time.js'

export function renderSitemap(siteUrl: string, entries: readonly SitemapRoute[]): string {
  const sorted = [...entries].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))
  const out = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
  ]
  // Many routes share a date (every page of a list): format each date once.
  const dates = new Map<Date, string>()
  for (const e of sorted) {
    let lastmod = ''
    if (e.lastmod) {
      lastmod = dates.get(e.lastmod) ?? `<lastmod>${isoUtc(e.lastmod)}</lastmod>`
      dates.set(e.lastmod, lastmod)
    }
    out.push(`<url><loc>${escapeXml(siteUrl + e.url)}</loc>${lastmod}</url>`)
  }
  out.push('</urlset>', '')
  return out.join('\n')
}

export function renderCalendar(c: Collections, timeZone: string): string {
  const years: Record<string, number> = {}
  const months: Record<string, number> = {}
  const days: Record<string, number> = {}
  const bump = (map: Record<string, number>, key: string) => {
    map[key] = (map[key] ?? 0) + 1
  }
  for (const post of [...c.listed].reverse()) {
    const k = dateKey(post.date, timeZone)
    bump(years, `${k.year}`)
    bump(months, `${k.year}-${pad2(k.month)}`)
    bump(days, `${k.year}-${pad2(k.month)}-${pad2(k.day)}`)
  }
  return `${JSON.stringify({ years, months, days }, null, 2)}\n`
}
