// Lists and reads the site's content files (posts/ and pages/, *.md and *.markdown) and turns
// each into a Post; a bad file becomes a diagnostic and is skipped, never a failed build.

import { join } from 'node:path'
import type { ResolvedConfig } from '../config/index.js'
import { asBdsError, type BdsError, BdsError as Err } from '../errors/index.js'
import { type Fs, mapLimit } from '../util/fs.js'
import { createPost } from './document.js'
import type { Post, PostKind } from './types.js'

export interface ContentResult {
  posts: Post[]
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
  const [postFiles, pageFiles] = await Promise.all([fs.walk(paths.posts), fs.walk(paths.pages)])
  const jobs: { file: string; kind: PostKind }[] = [
    ...postFiles.filter(isMarkdown).map((f) => ({ file: `posts/${f}`, kind: 'post' as const })),
    ...pageFiles.filter(isMarkdown).map((f) => ({ file: `pages/${f}`, kind: 'page' as const })),
  ]
  const diagnostics: BdsError[] = []
  const defaults = { timezone: config.timezone, author: config.author, language: config.language }
  const results = await mapLimit(jobs, 64, async ({ file, kind }) => {
    let text: string
    try {
      const bytes = await fs.readBytes(join(paths.root, file))
      text = utf8.decode(bytes)
    } catch (error) {
      diagnostics.push(
        new Err('BDS_CONTENT_READ', `Cannot read ${file}: ${(error as Error).message}`, {
          pos: { file, line: 1, column: 1 },
          cause: error,
        }),
      )
      return undefined
    }
    try {
      const post = createPost(text, file, kind, defaults)
      if (onPost && (config.drafts || post.status !== 'draft')) onPost(post)
      return post
    } catch (error) {
      diagnostics.push(asBdsError(error))
      return undefined
    }
  })
  const posts = results.filter((p): p is Post => p !== undefined)
  const visible = config.drafts ? posts : posts.filter((p) => p.status !== 'draft')
  diagnostics.sort((a, b) => (a.pos?.file ?? '').localeCompare(b.pos?.file ?? ''))
  return { posts: visible, diagnostics }
}
