// Config shapes: UserConfig as written in bds.config.json, InlineConfig from the command
// line, ResolvedConfig as the build sees it (absolute paths, defaults filled, frozen).

export interface UserConfig {
  title?: string
  url?: string
  /** The folder the site is served from (`/project`); default: the path of `url`. */
  basePath?: string
  description?: string
  language?: string
  author?: string
  timezone?: string
  postsPerPage?: number
  feedItems?: number
  /** Languages besides the main one: each gets a `/{lang}/` subtree (bDS's blogLanguages). */
  languages?: string[]
  output?: string
  markdown?: { linkify?: boolean; typographer?: boolean; highlight?: boolean }
  macros?: { stringParams?: boolean; youtubeNoCookie?: boolean }
  /** Resized variants of raster images: box sizes by name (bDS: small, medium, large), or false. */
  images?: { sizes?: false | Record<string, number> }
  /** A static Pagefind search index and page (default on); `partSize`: posts per index part. */
  search?: boolean | { partSize?: number }
  python?: { workers?: number; timeoutMs?: number; memoryMiB?: number }
  /** Folders outside the site that sources may link into (absolute, or relative to the site). */
  allowOutside?: string[]
  /** JSON Feed beside RSS and Atom (default on); feeds of every tag and category archive. */
  feeds?: { json?: boolean; tags?: boolean; categories?: boolean }
  /** Taxonomies besides tags and categories, by front matter key: `{"series": {}}`. */
  taxonomies?: Record<string, { title?: string; path?: string; feeds?: boolean }>
  /** The main navigation, in order: pages by slug, or any title and URL. */
  nav?: { page?: string; title?: string; url?: string }[]
  limits?: {
    pageMiB?: number
    renderMs?: number
    renderMemory?: number
    templateChars?: number
  }
}

export interface InlineConfig {
  /** Site folder; defaults to the current folder. */
  root?: string
  /** Output folder, relative to the current folder. */
  out?: string
  drafts?: boolean
  /** Build posts dated after the build's clock too (Hugo's --buildFuture). */
  future?: boolean
  /**
   * A preview: the output goes to `.bds/preview/` (bds's own folder) instead of the deploy
   * folder, unless `out` names one — `bds watch --drafts` never writes drafts into dist/.
   */
  preview?: boolean
  strict?: boolean
  clean?: boolean
  /** Write into an output folder bds did not make, replacing files it did not write. */
  forceOutput?: boolean
  /** False (`--no-cache`): neither read nor write the build cache (.bds/cache.db). */
  cache?: boolean
  /** Threads that render pages, the main one included (default: the cores available). */
  threads?: number
}

export interface SitePaths {
  root: string
  out: string
  posts: string
  pages: string
  media: string
  static: string
  templates: string
  scripts: string
  /** `data/*.json` and `data/*.yaml`: `site.data.NAME` and Python's `bds.data("NAME")`. */
  data: string
  cache: string
}

export interface ResolvedConfig {
  title: string
  /** Base URL without a trailing slash. */
  url: string
  /**
   * The folder the site is served from: '' at a domain's root, else `/project` (no trailing
   * slash) — `basePath`, else the path of `url`. Every URL path bds writes starts with it.
   */
  basePath: string
  /** `scheme://host` of `url`: an absolute URL is the origin and a URL path (base included). */
  origin: string
  description: string
  language: string
  author: string
  timezone: string
  postsPerPage: number
  feedItems: number
  /** Languages besides `language`, each built as a `/{lang}/` subtree; lower case. */
  languages: string[]
  /** The site is a bDS project (it has meta/project.json): bDS's feed ids and list rules. */
  bdsProject: boolean
  /** Things the build says once, not diagnostics (the timezone a bDS project's dates use). */
  notes: string[]
  /** Everything that changes a rendered body besides its text; `highlighter` names the version. */
  markdown: { linkify: boolean; typographer: boolean; highlight: boolean; highlighter: string }
  /** `pageChars` is `limits.pageChars` again, for the macro step (MacroOptions). */
  macros: { stringParams: boolean; youtubeNoCookie: boolean; pageChars: number }
  /** `sizes`: box sizes (px, longest side) of the resized variants by name; {} when off. */
  images: { sizes: Readonly<Record<string, number>> }
  /** Write a Pagefind search index (per language tree) and the search page. */
  search: boolean
  /** The most posts one Pagefind index holds; a bigger tree's index is made in parts. */
  searchPartSize: number
  /** Absolute folders outside the site that sources may link into (`allowOutside`). */
  allowOutside: readonly string[]
  limits: ResolvedLimits
  feeds: ResolvedFeeds
  /** Custom taxonomies in the order of the config. */
  taxonomies: readonly Taxonomy[]
  /** The `nav` list; undefined when the config has none (pages then list themselves). */
  nav?: readonly NavEntry[]
  /** The Python runtime: worker threads (at most the core count), per-call timeout, memory cap per worker. */
  python: { workers: number; timeoutMs: number; memoryMiB: number }
  drafts: boolean
  /** Posts dated after the build's clock are built too (`--future`). */
  future: boolean
  /** The output is a preview in `.bds/preview/` (InlineConfig.preview). */
  preview: boolean
  strict: boolean
  clean: boolean
  forceOutput: boolean
  /** Use the build cache (`--no-cache` turns it off). */
  cache: boolean
  /** Threads that render pages, the main one included; undefined: one per core. */
  threads?: number
  /** Which file the settings came from, relative to the site root, or undefined. */
  source?: string
  paths: SitePaths
}

export type FeedFormat = 'rss' | 'atom' | 'json'

export interface ResolvedFeeds {
  /** The files written wherever feeds are: rss.xml, atom.xml and (by default) feed.json. */
  formats: readonly FeedFormat[]
  /** Every tag (category) archive has its own feeds. */
  tags: boolean
  categories: boolean
}

/** A taxonomy of the config: front matter `name: [terms]`, archives at `/{path}/TERM/`. */
export interface Taxonomy {
  /** The front matter key and the name templates use (`series`). */
  name: string
  /** The URL segment of its archives (default: the name). */
  path: string
  /** What to call it in titles ("Series"); default: the name with a capital letter. */
  title: string
  /** Every term archive has its own feeds. */
  feeds: boolean
}

/** An entry of `nav`: a page by slug (its title unless one is given), or a title and URL. */
export interface NavEntry {
  page?: string
  title?: string
  url?: string
  /** Where the entry is in the config file, for a page that does not exist. */
  pos?: { file: string; line: number; column: number }
}

/** Work limits that keep one bad input from stopping or stalling the build (README: Limits). */
export interface ResolvedLimits {
  /** The most HTML one page may have, in characters (`limits.pageMiB` × 2^20). */
  pageChars: number
  /** Time one template render may take (liquidjs `renderLimit`). */
  renderMs: number
  /** Characters and list items one template render may allocate (liquidjs `memoryLimit`). */
  renderMemory: number
  /** Characters of one template file, partials parsed with it included (liquidjs `parseLimit`). */
  templateChars: number
}
