// Content changes in watch mode: re-read the files that changed (a folder stands for every
// known file under it) and render the Markdown of those without macro tokens. A file that no
// longer loads keeps its last good version, so its page stays served while the error shows.

import { contentKind, isVisible, readContentFile } from '../content/index.js'
import { renderBody } from '../render/index.js'
import type { LiveSite } from './live.js'
import { hasMacroToken } from './macro-step.js'

/** Applies changed paths, relative to the site root. */
export async function applyContent(live: LiveSite, paths: readonly string[]): Promise<void> {
  const files = new Set<string>()
  for (const path of paths) {
    if (contentKind(path)) {
      files.add(path)
      continue
    }
    const folder = `${path}/`
    for (const known of [...live.posts.keys(), ...live.errors.keys()])
      if (known.startsWith(folder)) files.add(known)
  }
  for (const file of files) {
    const kind = contentKind(file)
    if (!kind) continue
    const read = await readContentFile(live.config, live.deps.fs, file, kind)
    if (read.error) {
      live.errors.set(file, read.error)
      continue
    }
    live.errors.delete(file)
    live.bodies.delete(file)
    if (read.post && isVisible(live.config, read.post)) {
      live.posts.set(file, read.post)
      if (!hasMacroToken(read.post)) live.bodies.set(file, renderBody(live.md, read.post.body))
    } else {
      live.posts.delete(file)
    }
  }
}
