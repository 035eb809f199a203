// templateDeps: what a template's output can depend on besides its own scope — the template
// files it reads (itself, its layout and partials, transitively), the `site.*` globals it reads
// and whether it shows post summaries. Found by liquidjs's static analysis on an engine that
// records every file it reads. What cannot be known statically (a partial named by a variable,
// a computed key, a template that does not parse) counts as depending on everything.

import type { FS, Variable } from 'liquidjs'
import { hashText } from '../util/hash.js'
import { createLiquid, type TemplateOptions } from './liquid.js'
import { storeFs, type TemplateStore } from './template-store.js'

export interface TemplateDeps {
  /** Names of the template files it reads, sorted. */
  files: string[]
  /** Hash of those files' names and texts. */
  hash: string
  /** The `site.*` properties it reads; 'all' when the whole object or a computed key is used. */
  site: string[] | 'all'
  /** True when it may read a post's `summary_html`. */
  summary: boolean
  /** True when one of its files calls a macro (its output depends on what macros see). */
  macros: boolean
}

const DYNAMIC_PARTIAL = /\{%-?\s*(?:render|include|layout)\s+(?!['"]|none\b)/
const MACRO = /\bmacro\b/
const SUMMARY = 'summary_html'

const isComputed = (v: Variable) => v.segments.some((s) => typeof s === 'object')

function filesHash(store: TemplateStore, files: string[]): string {
  return hashText(files.map((n) => `${n}\0${store.templates.get(n)?.text ?? ''}`).join('\0'))
}

/** Dependencies of every template of `store`, computed on first use. */
export function createTemplateDeps(
  store: TemplateStore,
  options: TemplateOptions,
): (name: string) => TemplateDeps {
  const known = new Map<string, TemplateDeps>()
  const everything = (): TemplateDeps => {
    const files = [...store.templates.keys()].sort()
    return { files, hash: filesHash(store, files), site: 'all', summary: true, macros: true }
  }
  return (name) => {
    let deps = known.get(name)
    if (!deps) {
      deps = analyse(store, options, name) ?? everything()
      known.set(name, deps)
    }
    return deps
  }
}

function analyse(store: TemplateStore, options: TemplateOptions, name: string) {
  const read = new Set<string>()
  const base = storeFs(store)
  const recording: FS = {
    ...base,
    readFileSync: (path) => {
      read.add(path)
      return base.readFileSync(path)
    },
    readFile: async (path) => {
      read.add(path)
      return base.readFile(path)
    },
  }
  const liquid = createLiquid(store, options, recording, false)
  let analysis: ReturnType<typeof liquid.analyzeSync>
  try {
    analysis = liquid.analyzeSync(liquid.parseFileSync(name), { partials: true })
  } catch {
    return undefined
  }
  const files = [...store.templates].filter(([, t]) => read.has(t.path)).map(([n]) => n)
  if (files.some((n) => DYNAMIC_PARTIAL.test(store.templates.get(n)?.text ?? ''))) return undefined
  const site = new Set<string>()
  let allSite = false
  for (const v of analysis.globals.site ?? []) {
    const key = v.segments[1]
    if (typeof key === 'string' && !isComputed(v)) site.add(key)
    else allSite = true
  }
  const every = Object.values(analysis.variables).flat()
  const summary = every.some((v) => isComputed(v) || v.segments.includes(SUMMARY))
  files.sort()
  return {
    files,
    hash: filesHash(store, files),
    site: allSite ? ('all' as const) : [...site].sort(),
    summary,
    macros: files.some((n) => MACRO.test(store.templates.get(n)?.text ?? '')),
  }
}
