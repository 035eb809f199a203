// resolveConfig: settings from the file plus the command line → one frozen ResolvedConfig
// with defaults filled and absolute paths; rejects an output folder that would hit sources.

import { join, resolve } from 'node:path'
import { BdsError } from '../errors/index.js'
import { resolveBasePath, urlOrigin } from '../util/base-path.js'
import { isInside, realPath, registerSite } from '../util/boundary.js'
import { isValidTimeZone } from '../util/time.js'
import { highlighterName } from '../version.js'
import { recordLimits, resolveLimits } from './limits.js'
import type { LoadedConfig } from './load.js'
import { timezoneNotice } from './merge.js'
import { resolveFeeds, resolveNav, resolveTaxonomies } from './site-options.js'
import type { InlineConfig, ResolvedConfig, SitePaths } from './types.js'

/** bDS's thumbnail boxes (MediaEngine THUMBNAIL_SIZES): the longest side, in pixels. */
export const BDS_IMAGE_SIZES = Object.freeze({ small: 150, medium: 400, large: 800 })

/**
 * Posts per part of a tree's search index: Pagefind's memory grows with what one index holds
 * (about 0.5 GB for 5000 short posts, 1.8 GB for 20,000), so a bigger tree is indexed in parts
 * the search page merges (decision 0028).
 */
export const SEARCH_PART_SIZE = 5000

const SOURCE_DIRS = [
  'posts',
  'pages',
  'media',
  'static',
  'templates',
  'scripts',
  'data',
  'meta',
  '.bds',
]

/** Compared as real paths: an output reached through a link to the site is the site. */
function checkOutput(given: string, site: string): void {
  const [out, root] = [realPath(given), realPath(site)]
  const unsafe = isInside(root, out) || SOURCE_DIRS.some((dir) => isInside(out, join(root, dir)))
  if (unsafe) {
    throw new BdsError(
      'BDS_OUTPUT_UNSAFE',
      `The output folder ${given} is the site folder, contains it, or lies inside a source folder; building there could overwrite or remove your files.`,
    )
  }
}

/** Extra languages, lower case, without the main one and without repeats. */
function subtrees(main: string, languages: readonly string[]): string[] {
  const own = main.toLowerCase()
  return [...new Set(languages.map((l) => l.toLowerCase()))].filter((l) => l !== own)
}

function notes(loaded: LoadedConfig, timezone: string): string[] {
  if (!loaded.sources) return []
  const note = timezoneNotice({ config: loaded.config, sources: loaded.sources }, timezone)
  return note ? [note] : []
}

export function resolveConfig(
  loaded: LoadedConfig,
  inline: InlineConfig,
  cwd: string,
): ResolvedConfig {
  const root = resolve(cwd, inline.root ?? '.')
  const c = loaded.config
  const timezone = c.timezone ?? 'UTC'
  if (!isValidTimeZone(timezone)) {
    const pos = loaded.positions.get('/timezone') ?? { line: 1, column: 1 }
    throw new BdsError('BDS_CONFIG_INVALID', `Unknown timezone "${timezone}".`, {
      pos: { file: loaded.source ?? 'bds.config.json', ...pos },
      hint: 'Use an IANA zone name such as "UTC", "Europe/Berlin" or "America/New_York".',
    })
  }
  // A preview goes to bds's own folder, where no deploy picks it up.
  const preview = inline.preview === true && !inline.out
  const out = inline.out
    ? resolve(cwd, inline.out)
    : preview
      ? join(root, '.bds', 'preview')
      : resolve(root, c.output ?? 'dist')
  if (!preview) checkOutput(out, root)
  const paths: SitePaths = {
    root,
    out,
    posts: join(root, 'posts'),
    pages: join(root, 'pages'),
    media: join(root, 'media'),
    static: join(root, 'static'),
    templates: join(root, 'templates'),
    scripts: join(root, 'scripts'),
    data: join(root, 'data'),
    cache: join(root, '.bds'),
  }
  const allowOutside = Object.freeze((c.allowOutside ?? []).map((p) => resolve(root, p)))
  // nodeFs follows links only into these roots (util/boundary.ts).
  registerSite(root, allowOutside)
  const limits = resolveLimits(c.limits)
  recordLimits(root, limits)
  const url = (c.url ?? '').replace(/\/+$/, '')
  return Object.freeze({
    title: c.title ?? 'My bds site',
    url,
    basePath: resolveBasePath(url, c.basePath),
    origin: urlOrigin(url),
    description: c.description ?? '',
    language: c.language ?? 'en',
    author: c.author ?? '',
    timezone,
    postsPerPage: c.postsPerPage ?? 10,
    feedItems: c.feedItems ?? 20,
    languages: subtrees(c.language ?? 'en', c.languages ?? []),
    bdsProject: loaded.sources !== undefined,
    notes: notes(loaded, timezone),
    markdown: Object.freeze({
      linkify: c.markdown?.linkify ?? false,
      typographer: c.markdown?.typographer ?? false,
      highlight: c.markdown?.highlight ?? true,
      highlighter: (c.markdown?.highlight ?? true) ? highlighterName() : '',
    }),
    macros: Object.freeze({
      stringParams: c.macros?.stringParams ?? false,
      youtubeNoCookie: c.macros?.youtubeNoCookie ?? false,
      pageChars: limits.pageChars,
    }),
    images: Object.freeze({
      sizes: Object.freeze(
        c.images?.sizes === false ? {} : { ...(c.images?.sizes ?? BDS_IMAGE_SIZES) },
      ),
    }),
    search: c.search !== false,
    searchPartSize: (typeof c.search === 'object' && c.search.partSize) || SEARCH_PART_SIZE,
    allowOutside,
    limits,
    feeds: resolveFeeds(c.feeds),
    taxonomies: resolveTaxonomies(c.taxonomies),
    nav: resolveNav(c.nav, loaded.positions, loaded.source),
    python: Object.freeze({
      workers: c.python?.workers ?? 4,
      timeoutMs: c.python?.timeoutMs ?? 10_000,
      memoryMiB: c.python?.memoryMiB ?? 512,
    }),
    drafts: inline.drafts ?? false,
    future: inline.future ?? false,
    preview,
    strict: inline.strict ?? false,
    clean: inline.clean ?? false,
    forceOutput: inline.forceOutput ?? false,
    cache: inline.cache ?? true,
    threads: inline.threads,
    source: loaded.source,
    paths: Object.freeze(paths),
  })
}
