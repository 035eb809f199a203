// The macro calls of one language tree's templates on one thread (the main thread or the
// render worker). A built-in runs at once, so its HTML is in the page as Liquid renders it; a
// Python call (any name that is not a built-in) is recorded, and a placeholder stands in the
// page until the pages step has run every recorded call of the tree in one pass and spliced
// the results in. A call sees the page's post (none on a list page) and the tree's site data.

import { randomBytes } from 'node:crypto'
import type { ResolvedConfig } from '../config/index.js'
import type { MediaItem, Post, PostMeta } from '../content/index.js'
import { BdsError, type SourcePos } from '../errors/index.js'
import { builtinSpec, renderBuiltin } from '../macros/builtins/index.js'
import {
  checkPageSize,
  type ImageLookup,
  type MacroParams,
  type MacroSite,
} from '../macros/index.js'
import type { PlannedFile } from '../output/index.js'
import type { TemplateMacroCall, TemplateMacros } from '../render/index.js'
import type { SiteIndex } from '../site/index.js'

/** What the render worker needs to run the templates' built-in macros itself (their media). */
export interface WorkerMacros {
  media: MediaItem[]
}

/** A call that runs after the pages are rendered; it crosses from the render worker. */
export interface DeferredCall {
  name: string
  params: MacroParams
  text: Record<string, string>
  pos: SourcePos
  /** The file of the page's post, when the page has one. */
  post?: string
  /** The page's URL path. */
  url: string
}

export interface PageMacros extends TemplateMacros {
  /** The recorded calls; a placeholder names its call's index. */
  readonly deferred: DeferredCall[]
  /** What the built-in calls reported and values left out, each once. */
  diagnostics(): BdsError[]
  /** Whether `html` waits for recorded calls. */
  holds(html: string): boolean
  /** `html` with each placeholder replaced by its call's HTML ('' when it has none). */
  splice(html: string, outputs: readonly (string | undefined)[]): string
}

/** The site data a tree's macros see (the same on both threads). */
export function macroSiteOf(
  config: ResolvedConfig,
  index: SiteIndex,
  media: readonly MediaItem[],
  images?: ImageLookup,
): MacroSite {
  return {
    language: index.tree.language || config.language,
    languagePrefix: index.tree.prefix,
    url: config.url,
    basePath: config.basePath,
    timezone: config.timezone,
    tags: index.tags,
    media: [...media],
    options: config.macros,
    ...(images ? { images } : {}),
  }
}

// NUL never comes out of Markdown (markdown-it replaces it) and a nonce per engine makes a
// placeholder impossible to write by hand.
const MARK = '\u0000bdsm'
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL delimits the placeholders
const PLACEHOLDER = /\u0000bdsm([0-9a-f]{12}):(\d+)\u0000/g

const dropped = (key: string, name: string, pos: SourcePos) =>
  new BdsError(
    'BDS_MACRO_PARAMS',
    `The value of "${key}" for the macro "${name}" is a list or an object; a macro parameter is a string, a number or true/false, so it was left out.`,
    { pos, severity: 'warning' },
  )

export function createPageMacros(
  site: MacroSite,
  postOf: (file: string) => Post | PostMeta | undefined,
): PageMacros {
  const nonce = randomBytes(6).toString('hex')
  const pages: { post?: Post; url: string }[] = []
  const deferred: DeferredCall[] = []
  const ids = new Map<string, number>()
  const builtins = new Map<string, string>()
  const problems = new Map<string, BdsError>()
  const note = (e: BdsError) => {
    const at = e.pos ? `${e.pos.file}:${e.pos.line}:${e.pos.column}` : ''
    problems.set(`${e.code}|${at}|${e.message}`, e)
  }
  return {
    deferred,
    enter(scope) {
      const view = scope.post as { file?: string; url?: string } | undefined
      const page = scope.page as { url?: string } | undefined
      const meta = view?.file ? postOf(view.file) : undefined
      // Built-ins never read a body; the render worker has none to give them.
      const post = meta && ('body' in meta ? (meta as Post) : { ...meta, body: '' })
      pages.push({ post, url: page?.url ?? view?.url ?? '' })
    },
    leave() {
      pages.pop()
    },
    call(c: TemplateMacroCall) {
      const page = pages.at(-1) ?? { url: '' }
      for (const key of c.dropped) note(dropped(key, c.name, c.pos))
      const params = site.options.stringParams ? c.text : c.params
      const at = `${c.pos.file}:${c.pos.line}:${c.pos.column}`
      const spec = builtinSpec(c.name)
      if (spec) {
        const post = spec.readsPost ? (page.post?.file ?? '') : ''
        const key = `${c.name}\0${JSON.stringify(params)}\0${post}\0${at}`
        let html = builtins.get(key)
        if (html === undefined) {
          const call = { name: c.name, params, text: c.text, raw: '', pos: c.pos, block: false }
          const out = renderBuiltin({ call, post: page.post, url: page.url, site })
          for (const d of out.diagnostics) note(d)
          html = out.html
          builtins.set(key, html)
        }
        return html
      }
      // The page's URL is part of what a call sees: without it, which page a shared call ran
      // for would depend on which thread rendered first.
      const key = `${c.name}\0${JSON.stringify(params)}\0${page.post?.file ?? ''}\0${page.url}\0${at}`
      let id = ids.get(key)
      if (id === undefined) {
        const { name, text, pos } = c
        id = deferred.push({ name, params, text, pos, post: page.post?.file, url: page.url }) - 1
        ids.set(key, id)
      }
      return `${MARK}${nonce}:${id}\u0000`
    },
    diagnostics: () => [...problems.values()],
    holds: (html) => html.includes(`${MARK}${nonce}:`),
    splice: (html, outputs) =>
      html.replace(PLACEHOLDER, (_m, from: string, id: string) =>
        from === nonce ? (outputs[Number(id)] ?? '') : '',
      ),
  }
}

/** Writes held pages with their calls' HTML spliced in; a page now over the limit fails. */
export function writeHeld(
  held: readonly PlannedFile[],
  macros: PageMacros,
  outputs: readonly (string | undefined)[],
  write: (file: PlannedFile) => void,
  pageChars: number,
): { failed: string[]; diagnostics: BdsError[] } {
  const failed: string[] = []
  const diagnostics: BdsError[] = []
  for (const file of held) {
    const html = macros.splice(String(file.contents ?? ''), outputs)
    const tooLarge = checkPageSize(html, pageChars, { file: file.source, line: 0, column: 0 })
    if (tooLarge) {
      failed.push(file.path)
      diagnostics.push(tooLarge)
    } else write({ ...file, contents: html })
  }
  return { failed, diagnostics }
}
