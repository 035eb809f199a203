// The content step: reads every content file (a full build) or the files that changed (a folder
// stands for every known file under it). A file that no longer loads keeps its last good
// version in a rebuild, so its page stays served while the error shows.

import type { ResolvedConfig } from '../../config/index.js'
import {
  contentKind,
  isVisible,
  loadContent,
  type Post,
  readContentFile,
  type Translation,
} from '../../content/index.js'
import type { BdsError } from '../../errors/index.js'
import type { Fs } from '../../util/fs.js'

export interface ContentState {
  /** Posts that are built, by file. */
  posts: ReadonlyMap<string, Post>
  /** bDS translation files, by file. */
  translations: ReadonlyMap<string, Translation>
  /** Content files that failed to load, by file. */
  errors: ReadonlyMap<string, BdsError>
}

/** Reads every content file; `onPost` sees each post that will be built as soon as it is read. */
export async function readAllContent(
  config: ResolvedConfig,
  fs: Fs,
  onPost: (post: Post) => void,
): Promise<ContentState> {
  const content = await loadContent(config, fs, onPost)
  return {
    posts: new Map(content.posts.map((p) => [p.file, p])),
    translations: new Map(content.translations.map((t) => [t.file, t])),
    errors: new Map(content.diagnostics.map((e) => [e.pos?.file ?? '', e])),
  }
}

/** Applies changed paths (relative to the site root); `changed`: files whose post was replaced or removed. */
export async function applyContentChanges(
  config: ResolvedConfig,
  fs: Fs,
  previous: ContentState,
  paths: readonly string[],
): Promise<ContentState & { changed: Set<string> }> {
  const posts = new Map(previous.posts)
  const translations = new Map(previous.translations)
  const errors = new Map(previous.errors)
  const touched = new Set<string>()
  const changed = new Set<string>()
  for (const path of paths) {
    if (contentKind(path)) {
      touched.add(path)
      continue
    }
    const folder = `${path}/`
    for (const known of [...posts.keys(), ...errors.keys()])
      if (known.startsWith(folder)) touched.add(known)
  }
  for (const file of touched) {
    const kind = contentKind(file)
    if (!kind) continue
    const read = await readContentFile(config, fs, file, kind)
    if (read.error) {
      errors.set(file, read.error)
      continue
    }
    errors.delete(file)
    changed.add(file)
    posts.delete(file)
    translations.delete(file)
    if (read.translation) translations.set(file, read.translation)
    else if (read.post && isVisible(config, read.post)) posts.set(file, read.post)
  }
  return { posts, translations, errors, changed }
}

/** Posts in content order, as a full build reads them: posts/ then pages/, each sorted. */
export function contentOrder(posts: ReadonlyMap<string, Post>): Post[] {
  const files = [...posts.keys()].sort()
  const ordered = [
    ...files.filter((f) => f.startsWith('posts/')),
    ...files.filter((f) => !f.startsWith('posts/')),
  ]
  return ordered.map((f) => posts.get(f) as Post)
}

const byFile = (a: BdsError, b: BdsError) => (a.pos?.file ?? '').localeCompare(b.pos?.file ?? '')

/** Content errors in file order, as they are reported. */
export const contentErrors = (errors: ReadonlyMap<string, BdsError>) =>
  [...errors.values()].sort(byFile)
