// TemplateStore: the theme's files in memory, the site's templates/ overriding bds's bundled
// templates/ by relative name. It backs liquidjs's file system and the /assets/ copy step.

import { join, relative } from 'node:path'
import type { FS } from 'liquidjs'
import { limitsFor, type ResolvedLimits } from '../config/index.js'
import type { Fs } from '../util/fs.js'

export interface TemplateFile {
  /** Absolute path of the file that won. */
  path: string
  /** Path shown in messages: relative to the site root, or `bds:templates/…`. */
  display: string
  text?: string
}

export interface TemplateStore {
  /** Liquid templates by name, e.g. `post.liquid`, `partials/footer.liquid`. */
  templates: Map<string, TemplateFile>
  /** Files under assets/ by name relative to assets/. */
  assets: Map<string, TemplateFile>
  byPath: Map<string, TemplateFile>
  /** The limits the site's templates render under (`limits` of its config). */
  limits: ResolvedLimits
}

export async function loadTemplateStore(
  bundledDir: string,
  siteDir: string,
  siteRoot: string,
  fs: Fs,
): Promise<TemplateStore> {
  const store: TemplateStore = {
    templates: new Map(),
    assets: new Map(),
    byPath: new Map(),
    limits: { ...limitsFor(siteRoot) },
  }
  const layers = [
    { dir: bundledDir, display: (f: string) => `bds:templates/${f}` },
    { dir: siteDir, display: (f: string) => relative(siteRoot, join(siteDir, f)) },
  ]
  for (const layer of layers) {
    for (const file of await fs.walk(layer.dir)) {
      const path = join(layer.dir, file)
      const entry: TemplateFile = { path, display: layer.display(file) }
      if (file.startsWith('assets/')) store.assets.set(file.slice('assets/'.length), entry)
      else if (file.endsWith('.liquid')) store.templates.set(file, entry)
    }
  }
  await Promise.all(
    [...store.templates.values()].map(async (t) => {
      t.text = await fs.readText(t.path)
      store.byPath.set(t.path, t)
    }),
  )
  return store
}

/** A liquidjs FS over the store: names resolve to the winning file's absolute path. */
export function storeFs(store: TemplateStore): FS {
  const lookup = (name: string) => store.templates.get(name.replace(/^\.?\//, ''))
  const text = (path: string) => {
    const t = store.byPath.get(path)
    if (t?.text === undefined) throw new Error(`template not found: ${path}`)
    return t.text
  }
  return {
    exists: async (path) => store.byPath.has(path),
    existsSync: (path) => store.byPath.has(path),
    readFile: async (path) => text(path),
    readFileSync: text,
    resolve: (_dir, file, ext) => {
      const name = file.endsWith(ext) ? file : file + ext
      return lookup(name)?.path ?? lookup(file)?.path ?? `missing:${file}`
    },
    contains: async () => true,
    containsSync: () => true,
  }
}
