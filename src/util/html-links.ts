// resolveLinks: the relative URLs of an HTML fragment resolved against the page they were
// written for — href, src, poster and every srcset candidate, quoted or not, fragments
// included — so the fragment can be shown elsewhere (a list page, a feed). Pure.

/** Attributes whose value is one URL, and the one that holds a list of them. */
const URL_ATTRS = new Set(['href', 'src', 'poster'])
const SRCSET = 'srcset'

/** A start tag; quoted values may hold `>`. No part crosses a `<`, so a scan is linear. */
const TAG = /<[a-zA-Z][^\s/<>]*(?:"[^"<]*"|'[^'<]*'|[^'"<>])*>/g
/** One attribute inside a tag: name, then a double-quoted, single-quoted or bare value. */
const ATTR = /(\s)([^\s"'>/=]+)(?:(\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g
const QUICK = /\b(?:href|src|poster|srcset)\s*=/i
const SCHEME = /^[a-z][a-z0-9+.-]*:/i
/** A host that cannot occur in a real URL: resolving a path against it keeps it a path. */
const PATH_BASE = 'http://bds.invalid'

const entities: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' }

function decode(value: string): string {
  if (!value.includes('&')) return value
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] !== '#') return entities[e.toLowerCase()] ?? whole
    const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1))
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
  })
}

const encode = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')

/**
 * Resolves one URL against `base`. With an absolute `base` the result is absolute; with a path
 * (`/2024/05/20/garden/`) it is a path, and values that already start with `/` stay as they are.
 * Undefined when the value needs no change (empty, another scheme, unparseable).
 */
function resolveOne(raw: string, base: string, absolute: boolean): string | undefined {
  const value = decode(raw).trim()
  if (value === '' || SCHEME.test(value)) return undefined
  if (!absolute && value.startsWith('/')) return undefined
  try {
    const url = new URL(value, absolute ? base : PATH_BASE + base)
    if (absolute) return url.href
    if (url.origin !== PATH_BASE) return undefined
    return url.pathname + url.search + url.hash
  } catch {
    return undefined
  }
}

/** Each candidate of a srcset (`a.png 1x, b.png 2x`) resolved; undefined when none changed. */
function resolveSrcset(raw: string, base: string, absolute: boolean): string | undefined {
  const value = decode(raw)
  const out: string[] = []
  let changed = false
  let i = 0
  while (i < value.length) {
    while (i < value.length && /[\s,]/.test(value[i] as string)) i++
    if (i >= value.length) break
    const start = i
    while (i < value.length && !/\s/.test(value[i] as string)) i++
    let url = value.slice(start, i)
    let descriptor = ''
    if (url.endsWith(',')) url = url.replace(/,+$/, '')
    else {
      const comma = value.indexOf(',', i)
      const end = comma === -1 ? value.length : comma
      descriptor = value.slice(i, end).trim()
      i = end + 1
    }
    const resolved = resolveOne(url, base, absolute)
    if (resolved !== undefined) changed = true
    out.push(descriptor ? `${resolved ?? url} ${descriptor}` : (resolved ?? url))
  }
  return changed ? out.join(', ') : undefined
}

/**
 * The fragment with every relative URL resolved against `base`: an absolute URL (feeds: the
 * result is absolute) or a URL path (lists: the result is a path from the site root). `#x`
 * becomes the base page's `#x`. Values are decoded before and escaped after; attributes that
 * need no change keep their bytes.
 */
export function resolveLinks(html: string, base: string): string {
  if (!QUICK.test(html)) return html
  const absolute = SCHEME.test(base)
  return html.replace(TAG, (tag) =>
    tag.replace(ATTR, (whole, space: string, name: string, eq?: string, ...values) => {
      if (eq === undefined) return whole
      const attr = name.toLowerCase()
      const isList = attr === SRCSET
      if (!isList && !URL_ATTRS.has(attr)) return whole
      const [dq, sq, bare] = values as (string | undefined)[]
      const raw = dq ?? sq ?? bare ?? ''
      const resolved = isList ? resolveSrcset(raw, base, absolute) : resolveOne(raw, base, absolute)
      if (resolved === undefined) return whole
      return `${space}${name}${eq}"${encode(resolved)}"`
    }),
  )
}
