// The search step: a static Pagefind index per language tree (`/pagefind/`, `/en/pagefind/`),
// made from every built post and page — its title and final HTML — by the pagefind binary
// its npm package ships, and written through the output writer like any other file. The
// index is remade only when what it is made from changed: in watch mode against the last
// build, and in any build against the build cache (search-cache.ts), so a build whose post
// bodies, titles and URLs did not change (a template edit) does not start Pagefind.

import { createHash } from 'node:crypto'
import { availableParallelism } from 'node:os'
import type { ResolvedConfig } from '../../config/index.js'
import type { PostMeta } from '../../content/index.js'
import { BdsError } from '../../errors/index.js'
import type { PlannedFile } from '../../output/index.js'
import type { RenderedBody } from '../../render/index.js'
import { searchPartCount, searchPartDir, type Tree } from '../../site/index.js'
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

export interface TreeDocs {
  language: string
  prefix: string
  tree: SearchTree
  /** The most posts one part's index holds (`search.partSize`). */
  partSize: number
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
  // How the posts are split is part of what the files are (one part: as before parts existed).
  const parts = searchPartCount(m.tree.posts.length, m.partSize)
  if (parts > 1) hash.update(`parts\u0000${m.partSize}\u0000`)
  for (const post of m.tree.posts) {
    const { url, content } = docOf(m.tree, post, m.language)
    hash.update(`${url}\u0000${content}\u0000`)
  }
  return hash.digest('hex')
}

const keyOf = (trees: readonly string[]) =>
  createHash('sha1').update(trees.join('\n')).digest('hex')

/**
 * One part's files: Pagefind indexes its posts, hands over the files and forgets it;
 * `meanwhile` runs while Pagefind writes them.
 */
async function indexPart(
  pagefind: Pagefind,
  m: TreeDocs,
  posts: readonly PostMeta[],
  dir: string,
  stop: AbortSignal,
  meanwhile?: () => void,
) {
  stop.throwIfAborted()
  const { index, errors } = await pagefind.createIndex({ forceLanguage: m.language })
  if (!index) throw new Error(errors.join('; ') || 'no index')
  try {
    const added = await mapLimit(posts, IN_FLIGHT, (post) => {
      stop.throwIfAborted()
      return index.addHTMLFile(docOf(m.tree, post, m.language))
    })
    const failed = added.flatMap((a) => a.errors)
    if (failed.length) throw new Error(failed.slice(0, 3).join('; '))
    const writing = index.getFiles()
    meanwhile?.()
    const { files, errors: writeErrors } = await writing
    if (writeErrors.length) throw new Error(writeErrors.join('; '))
    return files.map(
      (f): PlannedFile => ({ path: dir + f.path, source: 'bds:search', contents: f.content }),
    )
  } finally {
    // Pagefind keeps an index until told, so the next part starts with its memory freed (a
    // failure here costs only memory: closing Pagefind at the end frees it too).
    await index.deleteIndex().catch(() => {})
  }
}

/** Parts indexed side by side, each by its own Pagefind process (each holds one part). */
const LANES = Math.min(2, availableParallelism())

/**
 * Pagefind processes: its module starts one process for all its calls (`persistentService` in
 * pagefind/lib/index.js), so each further lane imports the module under a URL of its own,
 * which Node loads as a module of its own with a process of its own. Were that ever shared,
 * the lanes would only take turns.
 */
async function startPagefind(count: number): Promise<Pagefind[]> {
  const url = import.meta.resolve('pagefind')
  const lane = (k: number): Promise<Pagefind> => import(k === 0 ? url : `${url}?lane=${k}`)
  return Promise.all(Array.from({ length: count }, (_, k) => lane(k)))
}

/** Every part of every tree (site/search-parts.ts): its tree, posts and folder. */
function partsOf(made: readonly TreeDocs[]) {
  return made.flatMap((m) => {
    const { posts } = m.tree
    const size = m.partSize
    const base = m.prefix ? `${m.prefix.slice(1)}/` : ''
    return Array.from({ length: searchPartCount(posts.length, size) }, (_, k) => ({
      m,
      posts: posts.slice(k * size, (k + 1) * size),
      dir: base + searchPartDir(k),
    }))
  })
}

/**
 * The index files of every part, in order, on `LANES` Pagefind processes; `keyed`: the key of
 * each tree too, found while the last part is written.
 */
export async function indexParts(
  made: readonly TreeDocs[],
  keyed: boolean,
  start: (count: number) => Promise<Pagefind[]> = startPagefind,
) {
  const parts = partsOf(made)
  const all = await start(Math.min(LANES, parts.length))
  const lanes = [...all]
  const keys: string[] = []
  const findKeys = () => {
    for (const m of made) keys.push(treeKey(m))
  }
  // A failing part stops the others at their next document; every lane has settled (nothing
  // more to ask a Pagefind process) before they are closed.
  const stop = new AbortController()
  let failure: unknown
  try {
    const last = parts.length - 1
    const done = await mapLimit(parts, all.length, async (part, i) => {
      const pagefind = lanes.pop() as Pagefind
      try {
        const meanwhile = keyed && i === last ? findKeys : undefined
        return await indexPart(pagefind, part.m, part.posts, part.dir, stop.signal, meanwhile)
      } catch (error) {
        if (!stop.signal.aborted) failure = error
        stop.abort()
        return []
      } finally {
        lanes.push(pagefind)
      }
    })
    if (stop.signal.aborted) throw failure
    return { files: done.flat(), key: keyed ? keyOf(keys) : '' }
  } finally {
    await Promise.all(all.map((pagefind) => pagefind.close()))
  }
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
  const docs = trees.map((tree) => ({
    language: (tree.tree.language || config.language).toLowerCase(),
    // The tree's own folder: the output folder is the base path.
    prefix: tree.tree.prefix.slice(config.basePath.length),
    tree,
    partSize: config.searchPartSize,
  }))
  // An empty store holds no index: its key is found while Pagefind writes the files.
  const early = keep || (store !== undefined && !store.empty)
  const key = early ? keyOf(docs.map(treeKey)) : ''
  if (keep && previous?.key === key) return previous
  const stored = early ? store?.files(key) : undefined
  if (stored) return { key, files: stored, diagnostics: [], cached: true }
  try {
    const keyed = !early && store !== undefined
    const made = await indexParts(docs, keyed)
    return { key: keyed ? made.key : key, files: made.files, diagnostics: [] }
  } catch (error) {
    const message = `The search index cannot be made (${(error as Error).message}); the site is built without it.`
    return {
      key: '',
      files: [],
      diagnostics: [new BdsError('BDS_SEARCH_INDEX', message, { severity: 'warning' })],
    }
  }
}
