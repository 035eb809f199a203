// The site's base path — the folder a site is served from (`/project` for GitHub project
// pages), '' at a domain's root — and the one rule that puts a URL path under it. Pure.

/**
 * The base path from an explicit `basePath`, else from the path of `url`: '' or `/a/b`
 * (a leading slash, no trailing one, percent-encoded as a URL path is).
 */
export function resolveBasePath(url: string, basePath?: string): string {
  const path = basePath ?? url.slice(urlOrigin(url).length).replace(/[?#].*$/, '')
  const trimmed = path.replace(/\/+$/, '')
  if (trimmed === '') return ''
  const absolute = trimmed.startsWith('/') ? trimmed : `/${trimmed}`
  return encodeURI(safeDecode(absolute))
}

/**
 * `scheme://host[:port]` of `url` as written (no path); `url` itself when it has no scheme.
 * Textual, so a site without a base path writes the same absolute URLs as before.
 */
export function urlOrigin(url: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(url)?.[0] ?? url
}

function safeDecode(text: string): string {
  try {
    return decodeURI(text)
  } catch {
    return text
  }
}

/**
 * A root-relative URL path under the base: `/about/` → `/project/about/`. A path already
 * under the base (`/project` or `/project/…`), and anything that is not root-relative
 * (`#top`, `page.html`, `//cdn…`, `https:…`), is returned as it is.
 */
export function withBase(path: string, base: string): string {
  if (!base || !path.startsWith('/') || path.startsWith('//')) return path
  if (path === base || path.startsWith(`${base}/`)) return path
  const rest = path.slice(base.length)
  if (path.startsWith(base) && (rest.startsWith('?') || rest.startsWith('#'))) return path
  return `${base}${path}`
}

/** The path relative to the site's root for a URL path under the base, or undefined. */
export function withoutBase(path: string, base: string): string | undefined {
  if (!base) return path
  if (path === base) return '/'
  return path.startsWith(`${base}/`) ? path.slice(base.length) : undefined
}
