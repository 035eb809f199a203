// A link crawl over a built output folder: every href and src of every HTML page, and every
// URL of the feeds and the sitemap (their escaped HTML too), that points into the site must
// name a file of the output. The site lives at `siteUrl` (its path is the base path).

import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { listFiles } from './site.js'

export interface BrokenLink {
  /** The output file the link is in. */
  file: string
  /** The link as written. */
  link: string
  why: string
}

const decodeEntities = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')

/** href/src attribute values, and the URLs of the XML elements that hold one. */
export function extractLinks(text: string, xml: boolean): string[] {
  const source = xml ? decodeEntities(text) : text
  const links: string[] = []
  for (const m of source.matchAll(/\b(?:href|src)\s*=\s*(["'])(.*?)\1/gi))
    links.push(decodeEntities(m[2] as string))
  if (xml)
    for (const m of source.matchAll(/<(loc|link|id|guid)\b[^>]*>([^<]+)<\/\1>/g))
      links.push((m[2] as string).trim())
  return links
}

/** The page's own URL (a folder URL for index.html), under the site's URL. */
function pageUrl(siteUrl: string, file: string): string {
  const path = file.endsWith('index.html') ? file.slice(0, -'index.html'.length) : file
  return `${siteUrl}/${path}`
}

/** The output file a site URL path names, or why it names none. */
function resolvePath(out: string, path: string): string | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(path)
  } catch {
    return 'is not valid percent-encoding'
  }
  const target = join(out, decoded)
  if (decoded.endsWith('/'))
    return existsSync(join(target, 'index.html')) ? undefined : 'no index.html'
  if (!existsSync(target)) return 'no such file'
  // A folder without its slash (bDS's feed links): servers redirect to its index.html.
  if (statSync(target).isDirectory() && !existsSync(join(target, 'index.html'))) return 'a folder'
  return undefined
}

/** Every internal link of the output folder that names no file of it. */
export function crawl(out: string, siteUrl: string): { checked: number; broken: BrokenLink[] } {
  const site = new URL(`${siteUrl}/`)
  const base = site.pathname.replace(/\/$/, '')
  const broken: BrokenLink[] = []
  let checked = 0
  for (const file of listFiles(out).filter((f) => /\.(html|xml)$/.test(f))) {
    const text = readFileSync(join(out, file), 'utf8')
    for (const link of extractLinks(text, file.endsWith('.xml'))) {
      if (link === '' || /^(#|mailto:|javascript:|data:|tel:)/i.test(link)) continue
      let url: URL
      try {
        url = new URL(link, pageUrl(siteUrl, file))
      } catch {
        broken.push({ file, link, why: 'is not a URL' })
        continue
      }
      if (url.origin !== site.origin) continue // another site's
      checked++
      if (base && url.pathname !== base && !url.pathname.startsWith(`${base}/`)) {
        broken.push({ file, link, why: `is outside the base path ${base}` })
        continue
      }
      const why = resolvePath(out, url.pathname.slice(base.length) || '/')
      if (why) broken.push({ file, link, why })
    }
  }
  return { checked, broken }
}
