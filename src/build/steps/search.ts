// The search step: a static Pagefind index per language tree (`/pagefind/`, `/en/pagefind/`),
// made from every built post and page — its title and final HTML — by the pagefind binary
// its npm package ships, and written through the output writer like any other file. The
// index is remade only when what it is made from changed.

import { createHash } from 'node:crypto'
import type { ResolvedConfig } from '../../config/index.js'
import type { PostMeta } from '../../content/index.js'
import { BdsError } from '../../errors/index.js'
import type { PlannedFile } from '../../output/index.js'
import type { RenderedBody } from '../../render/index.js'
import type { Tree } from '../../site/index.js'
import { mapLimit } from '../../util/fs.js'
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

type Pagefind = typeof import('pagefind')

/** Documents sent to Pagefind at once: each is made when sent, so few are in memory. */
const IN_FLIGHT = 32

interface TreeDocs {
  language: string
  prefix: string
  tree: SearchTree
}

/** A post as Pagefind indexes it: its title and final HTML. */
function docOf(t: SearchTree, post: PostMeta, language: string) {
  const title = escapeHtml(post.title)
  const html = t.bodies.get(post.file)?.html ?? ''
  const content = `<html lang="${escapeHtml(language)}"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1>${html}</main></body></html>`
  return { url: t.urls.get(post) ?? '', content }
}

/** What the index is made from, hashed piece by piece (never one string of every body). */
function keyOf(made: readonly TreeDocs[]): string {
  const hash = createHash('sha1')
  for (const m of made) {
    hash.update(`\u0000${m.language}\u0000${m.prefix}\u0000`)
    for (const post of m.tree.posts) {
      const { url, content } = docOf(m.tree, post, m.language)
      hash.update(`${url}\u0000${content}\u0000`)
    }
  }
  return hash.digest('hex')
}

async function indexTree(pagefind: Pagefind, m: TreeDocs) {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: m.language })
  if (!index) throw new Error(errors.join('; ') || 'no index')
  const added = await mapLimit(m.tree.posts, IN_FLIGHT, (post) =>
    index.addHTMLFile(docOf(m.tree, post, m.language)),
  )
  const failed = added.flatMap((a) => a.errors)
  if (failed.length) throw new Error(failed.slice(0, 3).join('; '))
  const { files, errors: writeErrors } = await index.getFiles()
  if (writeErrors.length) throw new Error(writeErrors.join('; '))
  const dir = `${m.prefix ? `${m.prefix.slice(1)}/` : ''}pagefind/`
  return files.map(
    (f): PlannedFile => ({ path: dir + f.path, source: 'bds:search', contents: f.content }),
  )
}

/**
 * The index files of every tree; the previous state when nothing it is made from changed.
 * The key that tells is computed only for a build whose state is kept (`keep`: watch).
 */
export async function runSearchStep(
  config: ResolvedConfig,
  trees: readonly SearchTree[],
  keep: boolean,
  previous?: SearchState,
): Promise<SearchState> {
  if (!config.search) return { key: '', files: [], diagnostics: [] }
  const made = trees.map((tree) => ({
    language: (tree.tree.language || config.language).toLowerCase(),
    // The tree's own folder: the output folder is the base path.
    prefix: tree.tree.prefix.slice(config.basePath.length),
    tree,
  }))
  const key = keep ? keyOf(made) : ''
  if (keep && previous?.key === key) return previous
  let pagefind: Pagefind | undefined
  try {
    pagefind = await import('pagefind')
    const files: PlannedFile[] = []
    for (const m of made) files.push(...(await indexTree(pagefind, m)))
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
