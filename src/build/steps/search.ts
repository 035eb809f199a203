// The search step: a static Pagefind index per language tree (`/pagefind/`, `/en/pagefind/`),
// made from every built post and page — its title and final HTML — by the pagefind binary
// its npm package ships, and written through the output writer like any other file. The
// index is remade only when what it is made from changed.

import type { ResolvedConfig } from '../../config/index.js'
import type { PostMeta } from '../../content/index.js'
import { BdsError } from '../../errors/index.js'
import type { PlannedFile } from '../../output/index.js'
import type { RenderedBody } from '../../render/index.js'
import type { Tree } from '../../site/index.js'
import { hashText } from '../../util/hash.js'
import { escapeHtml } from '../../util/html.js'

export interface SearchTree {
  tree: Tree
  posts: readonly PostMeta[]
  urls: ReadonlyMap<PostMeta, string>
  /** Final bodies by file. */
  bodies: ReadonlyMap<string, RenderedBody>
}

export interface SearchState {
  key: string
  files: PlannedFile[]
  diagnostics: BdsError[]
}

interface Doc {
  url: string
  content: string
}

type Pagefind = typeof import('pagefind')

function docs(t: SearchTree, language: string): Doc[] {
  return t.posts.map((post) => {
    const title = escapeHtml(post.title)
    const html = t.bodies.get(post.file)?.html ?? ''
    const content = `<html lang="${escapeHtml(language)}"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1>${html}</main></body></html>`
    return { url: t.urls.get(post) ?? '', content }
  })
}

async function indexTree(pagefind: Pagefind, language: string, list: Doc[], prefix: string) {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language })
  if (!index) throw new Error(errors.join('; ') || 'no index')
  const added = await Promise.all(list.map((d) => index.addHTMLFile(d)))
  const failed = added.flatMap((a) => a.errors)
  if (failed.length) throw new Error(failed.slice(0, 3).join('; '))
  const { files, errors: writeErrors } = await index.getFiles()
  if (writeErrors.length) throw new Error(writeErrors.join('; '))
  const dir = `${prefix ? `${prefix.slice(1)}/` : ''}pagefind/`
  return files.map(
    (f): PlannedFile => ({ path: dir + f.path, source: 'bds:search', contents: f.content }),
  )
}

/** The index files of every tree; the previous state when nothing it is made from changed. */
export async function runSearchStep(
  config: ResolvedConfig,
  trees: readonly SearchTree[],
  previous?: SearchState,
): Promise<SearchState> {
  if (!config.search) return { key: '', files: [], diagnostics: [] }
  const made = trees.map((t) => {
    const language = (t.tree.language || config.language).toLowerCase()
    return { language, prefix: t.tree.prefix, list: docs(t, language) }
  })
  const key = hashText(JSON.stringify(made))
  if (previous?.key === key) return previous
  let pagefind: Pagefind | undefined
  try {
    pagefind = await import('pagefind')
    const files: PlannedFile[] = []
    for (const m of made) files.push(...(await indexTree(pagefind, m.language, m.list, m.prefix)))
    return { key, files, diagnostics: [] }
  } catch (error) {
    const message = `The search index cannot be made (${(error as Error).message}); the site is built without it.`
    return {
      key: '',
      files: [],
      diagnostics: [new BdsError('BDS_SEARCH_INDEX', message, { severity: 'warning' })],
    }
  } finally {
    await pagefind?.close()
  }
}
