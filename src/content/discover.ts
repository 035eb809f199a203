// Lists and reads the site's content files (posts/ and pages/, *.md and *.markdown) and turns
// each into a Post, or a Translation when its front matter has `translationFor` (bDS); a bad
// file becomes a diagnostic and is skipped, never a failed build. Links that lead out of the
// site are skipped with a warning, those of every source folder (sources.ts) reported here,
// the one diagnostics path that every build takes.

import { join } from 'node:path'
import type { ResolvedConfig } from '../config/index.js'
import { asBdsError, type BdsError, BdsError as Err, isBdsError } from '../errors/index.js'
import { insideAny, siteRoots } from '../util/boundary.js'
import { type Fs, isMissing, mapLimit, type SkippedLink, skippedLinkWarning } from '../util/fs.js'
import { createPost } from './document.js'
import { isRendered } from './project/index.js'
import { checkSourceFolders } from './sources.js'
import { looksLikeTranslation, parseTranslation, type Translation } from './translation.js'
import type { Post, PostKind } from './types.js'

export interface ContentResult {
  posts: Post[]
  /** bDS translation files (`slug.LANG.md` with `translationFor`), in file order. */
  translations: Translation[]
  diagnostics: BdsError[]
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

const isMarkdown = (file: string) => /\.(md|markdown)$/i.test(file)

/** Reads every content file; `onPost` sees each post that will be built as soon as it is read. */
export async function loadContent(
  config: ResolvedConfig,
  fs: Fs,
  onPost?: (post: Post) => void,
): Promise<ContentResult> {
  const { paths } = config
  const diagnostics: BdsError[] = []
  const translations: Translation[] = []
  const report = (skip: SkippedLink) => diagnostics.push(skippedLinkWarning(paths.root, skip))
  const [postFiles, pageFiles, folders] = await Promise.all([
    fs.walk(paths.posts, report),
    fs.walk(paths.pages, report),
    checkSourceFolders(config, fs),
  ])
  diagnostics.push(...folders)
  const jobs: { file: string; kind: PostKind }[] = [
    ...postFiles.filter(isMarkdown).map((f) => ({ file: `posts/${f}`, kind: 'post' as const })),
    ...pageFiles.filter(isMarkdown).map((f) => ({ file: `pages/${f}`, kind: 'page' as const })),
  ]
  const results = await mapLimit(jobs, 64, async ({ file, kind }) => {
    const read = await readListed(config, fs, file, kind)
    if (read.error) diagnostics.push(read.error)
    if (read.translation) translations.push(read.translation)
    if (read.post && onPost && isVisible(config, read.post)) onPost(read.post)
    return read.post
  })
  const posts = results.filter((p): p is Post => p !== undefined && isVisible(config, p))
  diagnostics.sort((a, b) => (a.pos?.file ?? '').localeCompare(b.pos?.file ?? ''))
  translations.sort((a, b) => a.file.localeCompare(b.file))
  return { posts, translations, diagnostics }
}

/** Only published posts are built, as in bDS; drafts too with `--drafts`, archived never. */
export const isVisible = (config: ResolvedConfig, post: Post) =>
  isRendered(post, { drafts: config.drafts })

/** The kind of a content file (relative to the site root), or undefined for other files. */
export function contentKind(file: string): PostKind | undefined {
  if (!isMarkdown(file)) return undefined
  return file.startsWith('posts/') ? 'post' : file.startsWith('pages/') ? 'page' : undefined
}

type ReadResult = { post?: Post; translation?: Translation; error?: BdsError; missing?: boolean }

/**
 * Reads and parses one content file (`file` relative to the site root): the post (or the
 * translation), or the error that skips it (also a file that resolves outside the site), or
 * `missing` when it is gone.
 */
export async function readContentFile(
  config: ResolvedConfig,
  fs: Fs,
  file: string,
  kind: PostKind,
): Promise<ReadResult> {
  const path = join(config.paths.root, file)
  const real = await fs.realpath?.(path).catch(() => undefined)
  if (real && !insideAny(real, siteRoots(config.paths.root, config.allowOutside))) {
    const skip = { path, target: real, reason: 'outside' as const }
    return { error: skippedLinkWarning(config.paths.root, skip) }
  }
  return readListed(config, fs, file, kind)
}

/** readContentFile for a file walk() listed, so already known to lie inside the site. */
async function readListed(
  config: ResolvedConfig,
  fs: Fs,
  file: string,
  kind: PostKind,
): Promise<ReadResult> {
  const defaults = {
    timezone: config.timezone,
    author: config.author,
    language: config.language,
    taxonomies: config.taxonomies.map((t) => t.name),
  }
  let text: string
  try {
    text = utf8.decode(await fs.readBytes(join(config.paths.root, file)))
  } catch (error) {
    if (isMissing(error)) return { missing: true }
    if (isBdsError(error)) {
      const pos = { file, line: 0, column: 0 }
      return { error: new Err(error.code, error.message, { pos, severity: error.severity }) }
    }
    const message = `Cannot read ${file}: ${(error as Error).message}`
    const pos = { file, line: 1, column: 1 }
    return { error: new Err('BDS_CONTENT_READ', message, { pos, cause: error }) }
  }
  try {
    if (looksLikeTranslation(text)) return { translation: parseTranslation(text, file) }
    return { post: createPost(text, file, kind, defaults) }
  } catch (error) {
    return { error: asBdsError(error) }
  }
}
