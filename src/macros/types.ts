// The macro model: a call as parsed from a `[[name key=value]]` token, what a macro sees
// (the call, the page, site data) and what it returns. Built-in (JavaScript) and Python
// macros implement the same MacroRunner seam and are run in batches.

import type { MediaItem, Post } from '../content/index.js'
import type { BdsError, SourcePos } from '../errors/index.js'

export type { MediaItem }

export type MacroValue = string | number | boolean
export type MacroParams = Record<string, MacroValue>

export interface MacroCall {
  /** Name as written, lower-cased (`YouTube` → `youtube`); aliases are not applied. */
  name: string
  params: MacroParams
  /** Every value as written, as strings (`macros.stringParams`, as bDS passed them). */
  text: Record<string, string>
  /** The token exactly as written, e.g. `[[youtube id=abc]]`; unknown macros stay as this. */
  raw: string
  /** Where the token starts in the content file (from the top, front matter included). */
  pos: SourcePos
  /** True when the token is alone in its paragraph: its HTML replaces the whole <p>. */
  block: boolean
}

export interface MacroTag {
  name: string
  url: string
  /** Number of listed (published, not archived) posts with this tag. */
  count: number
}

/** Site data macros may read. Read-only. */
export interface MacroSite {
  /** The language of the tree the page belongs to. */
  language: string
  /** The tree's URL prefix: the base path, then `/en` in a language subtree ('' or `/project/en`). */
  languagePrefix: string
  /** Base URL without trailing slash. */
  url: string
  /** The site's base path ('' or `/project`): media URLs are written under it. */
  basePath: string
  timezone: string
  tags: MacroTag[]
  /** Every media item of the site, newest `createdAt` first. */
  media: MediaItem[]
  options: MacroOptions
  /** The resized variants of the site's images (`images.sizes`); absent when there are none. */
  images?: ImageLookup
}

/** A resized copy of an image, as a gallery links or shows it. */
export interface ImageVariantRef {
  url: string
  width: number
  height: number
}

export interface ImageLookup {
  /** Stands for every variant it knows: the build cache keys a gallery's output with it. */
  key?: string
  /**
   * The variant of the image at `url` for a size name (`small`, `large`); without one by that
   * name the smallest (for `small`) or largest variant; undefined when the image has none.
   */
  variant(url: string, size: 'small' | 'large'): ImageVariantRef | undefined
}

export interface MacroOptions {
  /** Pass every parameter as a string, as bDS did (`macros.stringParams`). */
  stringParams: boolean
  /** Embed YouTube from youtube-nocookie.com (`macros.youtubeNoCookie`). */
  youtubeNoCookie: boolean
  /** The most HTML the macros of one page may return together, in characters (`limits.pageMiB`). */
  pageChars?: number
}

export interface MacroInput {
  call: MacroCall
  /**
   * The post or page whose content holds the token; for a template call, the page's post
   * (none on a list page, the home page or 404).
   */
  post?: Post
  /** URL path of that post or page (of the page, for a template call). */
  url: string
  site: MacroSite
}

export interface MacroOutput {
  /** HTML to splice in; '' for a failed call. Never re-parsed as Markdown. */
  html: string
  diagnostics: BdsError[]
  /** What a Python macro printed (stdout, stderr, bds.log), shown with --verbose. */
  captured?: string
  /**
   * The parts of the site data the call read (Python: `posts`, `post:SLUG`, `data:NAME` …; see
   * cacheKeys): the build cache keys the result by them, and watch mode expands the post again
   * when a data file among them changes (macros/python/data-reads.ts).
   */
  reads?: readonly string[]
  /** False when the same inputs may give another output next time (a timeout, `cache: false`). */
  cacheable?: boolean
}

/** How the build cache keys a runner's results (src/cache/macro-runner.ts). */
export interface MacroCacheKeys {
  /**
   * Everything the call's output depends on besides the site data it reads — the macro's
   * version, parameters, post and tree — as text; undefined when it is never cached.
   */
  key(input: MacroInput): Promise<string | undefined> | string | undefined
  /** A hash of one part of the site data a call read (`reads`); undefined: never a hit. */
  read(name: string): Promise<string | undefined>
}

/** Something that can run macros by name: the built-ins now, Python scripts later. */
export interface MacroRunner {
  /** True when this runner has a macro with this (lower-cased) name. */
  has(name: string): boolean
  /** Runs calls in one batch; results in the same order. Never rejects for one bad call. */
  run(batch: readonly MacroInput[]): Promise<MacroOutput[]>
  /** Problems of the runner itself found while running (a Python script that does not parse). */
  diagnostics?(): BdsError[]
  /** Every name it answers to, for "did you mean" (runners without it suggest nothing). */
  names?(): readonly string[]
  /** Present when its results may come from the build cache. */
  cacheKeys?: MacroCacheKeys
}
