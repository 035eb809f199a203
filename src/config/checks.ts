// What the config's JSON Schema cannot say: taxonomy names and paths that would clash with
// bds's own front matter keys and URLs, and `nav` entries that name neither a page nor a link.

/** Front matter keys bds reads itself: a taxonomy cannot take one. */
const RESERVED_KEYS = new Set([
  'id',
  'tag',
  'category',
  'title',
  'slug',
  'date',
  'createdat',
  'updatedat',
  'updated',
  'publishedat',
  'status',
  'draft',
  'tags',
  'categories',
  'excerpt',
  'author',
  'language',
  'template',
  'templateslug',
  'translationfor',
  'nav',
  'nav_order',
])

/** First URL segments bds writes itself. */
const RESERVED_PATHS = new Set(['tag', 'category', 'page', 'assets', 'media', 'search', 'pagefind'])

type Taxonomies = Record<string, { path?: unknown } | undefined>
type Nav = { page?: unknown; title?: unknown; url?: unknown }[]

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** Problems by JSON pointer; values of the wrong type are the schema's to report. */
export function configChecks(value: unknown): Map<string, string> {
  const found = new Map<string, string>()
  const config = (isObject(value) ? value : {}) as { taxonomies?: unknown; nav?: Nav }
  const taxonomies = (isObject(config.taxonomies) ? config.taxonomies : {}) as Taxonomies
  const paths = new Map<string, string>()
  for (const [name, options] of Object.entries(taxonomies)) {
    const pointer = `/taxonomies/${name}`
    if (RESERVED_KEYS.has(name.toLowerCase())) {
      found.set(pointer, `The taxonomy "${name}" has the name of a front matter key bds reads.`)
      continue
    }
    const path = typeof options?.path === 'string' ? options.path : name
    const other = paths.get(path)
    if (RESERVED_PATHS.has(path) || /^\d+$/.test(path)) {
      found.set(
        pointer,
        `The taxonomy "${name}" would have its archives at /${path}/, a URL bds uses.`,
      )
    } else if (other) {
      found.set(pointer, `The taxonomies "${other}" and "${name}" have the same path /${path}/.`)
    }
    paths.set(path, name)
  }
  ;(Array.isArray(config.nav) ? config.nav : []).forEach((entry, i) => {
    const page = entry?.page !== undefined
    const link = entry?.url !== undefined
    if (page && link) found.set(`/nav/${i}`, 'A "nav" entry has either "page" or "url", not both.')
    else if (!page && !(link && entry?.title !== undefined))
      found.set(`/nav/${i}`, 'A "nav" entry needs "page" (a page slug), or "title" and "url".')
  })
  return found
}
