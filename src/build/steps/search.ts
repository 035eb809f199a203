// The search step: a static Pagefind index per language tree (`/pagefind/`, `/en/pagefind/`),
// made from every built post and page — its title and final HTML — by the pagefind binary
// its npm package ships, and written through the output writer like any other file. The
// index is remade only when what it is made from changed: in watch mode against the last
// build, and in any build against the build cache (search-cache.ts), so a build whose post
// bodies, titles and URLs did not change (a template edit) does not start Pagefind.

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
  /** The files came from the build cache. */
  cached?: boolean
}

/** Search indexes kept by the key of what they are made from (the build cache). */
export interface SearchStore {
  /** Whether any index can be stored (an empty cache: the key is found while Pagefind works). */
  readonly empty: boolean
  /** The index files stored under `key`, when every one is still there. */
  files(key: string): PlannedFile[] | undefined
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

/** What one tree's index is made from, hashed piece by piece (never one string of every body). */
function treeKey(m: TreeDocs): string {
  const hash = createHash('sha1')
  hash.update(`\u0000${m.language}\u0000${m.prefix}\u0000`)
  for (const post of m.tree.posts) {
    const { url, content } = docOf(m.tree, post, m.language)
    hash.update(`${url}\u0000${content}\u0000`)
  }
  return hash.digest('hex')
}

const keyOf = (trees: readonly string[]) =>
  createHash('sha1').update(trees.join('\n')).digest('hex')

/** The tree's index files, and its key (found while Pagefind writes them) when `keyed`. */
async function indexTree(pagefind: Pagefind, m: TreeDocs, keyed: boolean) {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: m.language })
  if (!index) throw new Error(errors.join('; ') || 'no index')
  const added = await mapLimit(m.tree.posts, IN_FLIGHT, (post) =>
    index.addHTMLFile(docOf(m.tree, post, m.language)),
  )
  const failed = added.flatMap((a) => a.errors)
  if (failed.length) throw new Error(failed.slice(0, 3).join('; '))
  const writing = index.getFiles()
  const key = keyed ? treeKey(m) : ''
  const { files, errors: writeErrors } = await writing
  if (writeErrors.length) throw new Error(writeErrors.join('; '))
  const dir = `${m.prefix ? `${m.prefix.slice(1)}/` : ''}pagefind/`
  const planned = files.map(
    (f): PlannedFile => ({ path: dir + f.path, source: 'bds:search', contents: f.content }),
  )
  return { key, files: planned }
}

/**
 * The index files of every tree; the previous state, or the stored files, when nothing they
 * are made from changed. The key that tells is computed for a build whose state is kept
 * (`keep`: watch) or that has a store.
 */
export async function runSearchStep(
  config: ResolvedConfig,
  trees: readonly SearchTree[],
  keep: boolean,
  previous?: SearchState,
  store?: SearchStore,
): Promise<SearchState> {
  if (!config.search) return { key: '', files: [], diagnostics: [] }
  const made = trees.map((tree) => ({
    language: (tree.tree.language || config.language).toLowerCase(),
    // The tree's own folder: the output folder is the base path.
    prefix: tree.tree.prefix.slice(config.basePath.length),
    tree,
  }))
  // An empty store holds no index: its key is found while Pagefind writes the files.
  const early = keep || (store !== undefined && !store.empty)
  let key = early ? keyOf(made.map(treeKey)) : ''
  if (keep && previous?.key === key) return previous
  const stored = early ? store?.files(key) : undefined
  if (stored) return { key, files: stored, diagnostics: [], cached: true }
  let pagefind: Pagefind | undefined
  try {
    pagefind = await import('pagefind')
    const files: PlannedFile[] = []
    const keys: string[] = []
    for (const m of made) {
      const tree = await indexTree(pagefind, m, !early && store !== undefined)
      files.push(...tree.files)
      keys.push(tree.key)
    }
    if (!early && store) key = keyOf(keys)
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
