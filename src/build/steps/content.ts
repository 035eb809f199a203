// The content step: reads every content file (a full build) or the files that changed (a folder
// stands for every known file under it). A file that no longer loads keeps its last good
// version in a rebuild, so its page stays served while the error shows. A post dated after
// the build's clock is held back (content/schedule.ts) unless the config says `future`.

import type { ResolvedConfig } from '../../config/index.js'
import {
  contentKind,
  isScheduled,
  isVisible,
  loadContent,
  type Post,
  publishesAt,
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
  /** Posts held back because they are dated after the build's clock: their dates, by file. */
  held: ReadonlyMap<string, Date>
}

/** False for a post dated after `now`, unless the config builds future posts. */
const released = (config: ResolvedConfig, now: Date) => (post: Post) =>
  config.future || !isScheduled(post, now)

/**
 * Reads every content file; `onPost` sees each post that will be built as soon as it is
 * read. `now` is the build's clock.
 */
export async function readAllContent(
  config: ResolvedConfig,
  fs: Fs,
  onPost: (post: Post) => void,
  now: Date,
): Promise<ContentState> {
  const out = released(config, now)
  const content = await loadContent(config, fs, (post) => out(post) && onPost(post))
  const held = content.posts.filter((p) => !out(p))
  return {
    posts: new Map(content.posts.filter(out).map((p) => [p.file, p])),
    translations: new Map(content.translations.map((t) => [t.file, t])),
    errors: new Map(content.diagnostics.map((e) => [e.pos?.file ?? '', e])),
    held: new Map(held.map((p) => [p.file, publishesAt(p) as Date])),
  }
}

/** Applies changed paths (relative to the site root); `changed`: files whose post was replaced or removed. */
export async function applyContentChanges(
  config: ResolvedConfig,
  fs: Fs,
  previous: ContentState,
  paths: readonly string[],
  now: Date,
): Promise<ContentState & { changed: Set<string> }> {
  const out = released(config, now)
  const posts = new Map(previous.posts)
  const translations = new Map(previous.translations)
  const errors = new Map(previous.errors)
  const held = new Map(previous.held)
  const touched = new Set<string>()
  const changed = new Set<string>()
  for (const path of paths) {
    if (contentKind(path)) {
      touched.add(path)
      continue
    }
    const folder = `${path}/`
    for (const known of [...posts.keys(), ...errors.keys(), ...held.keys()])
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
    held.delete(file)
    if (read.translation) translations.set(file, read.translation)
    else if (read.post && isVisible(config, read.post)) {
      if (out(read.post)) posts.set(file, read.post)
      else held.set(file, publishesAt(read.post) as Date)
    }
  }
  return { posts, translations, errors, held, changed }
}

/** What a build says about its content: drafts in the output, posts held back and the next one due. */
export interface ContentSummary {
  drafts: number
  held: number
  /** The earliest date of a held-back post (ISO): a build at or after it is not up to date. */
  due?: string
}

export function summarizeContent(content: ContentState): ContentSummary {
  let drafts = 0
  for (const post of content.posts.values()) if (post.status === 'draft') drafts++
  const dates = [...content.held.values()].map((d) => d.getTime())
  const due = dates.length ? new Date(Math.min(...dates)).toISOString() : undefined
  return { drafts, held: content.held.size, ...(due ? { due } : {}) }
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
