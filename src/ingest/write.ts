// Writing the post without ever overwriting: the text goes to a temporary file in the same
// folder (flushed to disk), which is then hard-linked to its name — link() fails when the
// name exists, so a file that appears meanwhile is never replaced. A taken name moves on to
// slug-2, slug-3 …. The temporary file is removed whatever happens.

import { randomBytes } from 'node:crypto'
import { link, mkdir, open, rename, stat, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { BdsError } from '../errors/index.js'
import { isMissing } from '../util/fs.js'

/** The file operations the writer needs, so tests can make them fail. */
export interface PostFiles {
  exists(path: string): Promise<boolean>
  mkdir(dir: string): Promise<void>
  /** Writes and flushes a new file. */
  write(path: string, text: string): Promise<void>
  /** Gives `from` the name `to` unless `to` exists; false when it does. */
  claim(from: string, to: string): Promise<boolean>
  remove(path: string): Promise<void>
}

const code = (error: unknown) => (error as { code?: string } | null)?.code

export const nodePostFiles: PostFiles = {
  exists: (path) =>
    stat(path).then(
      () => true,
      (error) => (isMissing(error) ? false : Promise.reject(error)),
    ),
  mkdir: async (dir) => {
    await mkdir(dir, { recursive: true })
  },
  async write(path, text) {
    const file = await open(path, 'wx')
    try {
      await file.writeFile(text)
      await file.sync()
    } finally {
      await file.close()
    }
  },
  async claim(from, to) {
    try {
      await link(from, to)
      return true
    } catch (error) {
      if (code(error) === 'EEXIST') return false
      // File systems without hard links: rename, after checking (a small race remains).
      if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes(code(error) ?? '')) throw error
      if (await nodePostFiles.exists(to)) return false
      await rename(from, to)
      return true
    }
  },
  remove: (path) =>
    unlink(path).catch((error) => (isMissing(error) ? undefined : Promise.reject(error))),
}

export const MAX_SUFFIX = 1000

const candidate = (slug: string, n: number) => (n === 1 ? slug : `${slug}-${n}`)

/** The first `folder/slug[-N].md` (relative to root) that does not exist yet. */
export async function freeSlug(
  root: string,
  folder: string,
  slug: string,
  files: PostFiles = nodePostFiles,
): Promise<string> {
  for (let n = 1; n <= MAX_SUFFIX; n++) {
    const next = candidate(slug, n)
    if (!(await files.exists(join(root, folder, `${next}.md`)))) return next
  }
  throw tooMany(folder, slug)
}

const tooMany = (folder: string, slug: string) =>
  new BdsError(
    'BDS_INGEST_WRITE',
    `${folder}/ already has ${slug}.md up to ${slug}-${MAX_SUFFIX}.md; nothing was written.`,
    { hint: 'Give the post another slug (a transform can set post["slug"]).' },
  )

/**
 * Writes `render(slug)` to `folder/slug.md` under `root`, taking the next free slug when the
 * name is taken. Returns the slug used and the file, relative to root.
 */
export async function writePostFile(
  root: string,
  folder: string,
  slug: string,
  render: (slug: string) => string,
  files: PostFiles = nodePostFiles,
): Promise<{ slug: string; file: string; text: string }> {
  const dir = join(root, folder)
  try {
    await files.mkdir(dir)
    for (let n = 1; n <= MAX_SUFFIX; n++) {
      const next = candidate(slug, n)
      const final = join(dir, `${next}.md`)
      if (await files.exists(final)) continue
      const text = render(next)
      const tmp = join(dir, `.${next}.md.${randomBytes(6).toString('hex')}.bds-tmp`)
      try {
        await files.write(tmp, text)
        if (await files.claim(tmp, final)) return { slug: next, file: `${folder}/${next}.md`, text }
      } finally {
        // Best effort: the post itself is safe once claimed, whatever happens to the temp file.
        await files.remove(tmp).catch(() => undefined)
      }
    }
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error)
    throw new BdsError(
      'BDS_INGEST_WRITE',
      `The post could not be written to ${folder}/ (${why}); nothing was written.`,
      {
        cause: error,
      },
    )
  }
  throw tooMany(folder, slug)
}
