// crawlSite: every internal link of a built output leads to a file — href, src, poster and
// srcset of every page (excerpts on list pages too) and the site's URLs in feeds and the
// sitemap; a `#id` names an id on its page. `basePath`: the path the site is served under.

import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { listFiles } from './site.js'

export interface BrokenLink {
  /** The output file holding the link. */
  page: string
  url: string
  why: 'no file' | 'no such id' | 'outside the base path'
}

export interface CrawlOptions {
  /** The site's URL (config `url`): absolute links that start with it are internal. */
  siteUrl?: string
  /** The path the site is served under, e.g. `/blog` ('' by default). */
  basePath?: string
}

const ATTR = /\s(href|src|poster|srcset)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi
const SCHEME = /^[a-z][a-z0-9+.-]*:/i
const decodeHtml = (v: string) =>
  v
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")

/** The URL path an output file is served at: `a/index.html` → `/a/`. */
const pageUrl = (file: string) =>
  `/${file.endsWith('index.html') ? file.slice(0, -'index.html'.length) : file}`

function urlsOf(html: string): string[] {
  const urls: string[] = []
  for (const m of html.matchAll(ATTR)) {
    const value = decodeHtml(m[2] ?? m[3] ?? m[4] ?? '').trim()
    if (m[1]?.toLowerCase() !== 'srcset') urls.push(value)
    else for (const c of value.split(',')) urls.push(c.trim().split(/\s+/)[0] ?? '')
  }
  return urls.filter(Boolean)
}

export function crawlSite(out: string, options: CrawlOptions = {}) {
  const base = options.basePath ?? ''
  const origin = options.siteUrl ? new URL(options.siteUrl).origin : 'http://crawl.invalid'
  const files = listFiles(out).filter((f) => !f.startsWith('.'))
  const ids = new Map<string, Set<string>>()
  const idsOf = (file: string) => {
    let known = ids.get(file)
    if (!known) {
      const html = readFileSync(join(out, file), 'utf8')
      known = new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1] as string))
      ids.set(file, known)
    }
    return known
  }
  /** The output file a URL path names, or undefined. */
  const target = (path: string): string | undefined => {
    const rel = decodeURIComponent(path.slice(base.length + 1))
    for (const candidate of [rel, join(rel, 'index.html')]) {
      const full = join(out, candidate)
      if (candidate !== '' && existsSync(full) && statSync(full).isFile()) return candidate
    }
    return undefined
  }
  const broken: BrokenLink[] = []
  let links = 0
  const check = (file: string, url: string, from: string) => {
    const resolved = new URL(url, origin + from)
    if (resolved.origin !== origin) return
    links++
    if (!resolved.pathname.startsWith(`${base}/`)) {
      broken.push({ page: file, url, why: 'outside the base path' })
      return
    }
    const found = target(resolved.pathname)
    if (!found) broken.push({ page: file, url, why: 'no file' })
    else if (
      resolved.hash &&
      found.endsWith('.html') &&
      !idsOf(found).has(decodeURIComponent(resolved.hash.slice(1)))
    )
      broken.push({ page: file, url, why: 'no such id' })
  }
  for (const file of files) {
    const from = base + pageUrl(file)
    const text = /\.(html|xml|json)$/.test(file) ? readFileSync(join(out, file), 'utf8') : ''
    if (file.endsWith('.html')) {
      for (const url of urlsOf(text))
        if (!SCHEME.test(url) || url.startsWith(origin)) check(file, url, from)
    } else if (text && options.siteUrl) {
      const own = new RegExp(
        `${options.siteUrl.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}[^\\s"'<>\\\\]*`,
        'g',
      )
      for (const m of text.matchAll(own)) check(file, m[0].replace(/&.*$/, ''), from)
    }
  }
  return { pages: files.filter((f) => f.endsWith('.html')).length, links, broken }
}
