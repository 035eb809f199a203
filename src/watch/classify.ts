// Which site inputs a changed path is: the watcher sees paths relative to the site root and
// sorts them into SiteChanges. Dotfiles and folders (editor swap files, .git, .bds) and
// anything outside the site's input folders (the output, node_modules) are not inputs.

import { emptyChanges, type SiteChanges } from '../build/index.js'
import { CONFIG_FILE } from '../config/index.js'

type Flag = 'templates' | 'scripts' | 'media' | 'static'
const FLAGS: readonly string[] = ['templates', 'scripts', 'media', 'static'] satisfies Flag[]
const isFlag = (name: string): name is Flag => FLAGS.includes(name)
const isFolder = (name: string) => name === 'posts' || name === 'pages' || isFlag(name)

/**
 * True for a path (relative, `/`-separated) that is an input or may hold inputs; the watcher
 * does not descend into the others. `''` is the site folder itself.
 */
export function isInput(rel: string): boolean {
  if (rel === '') return true
  const parts = rel.split('/')
  if (parts.some((p) => p.startsWith('.') || p === '..')) return false
  const top = parts[0] as string
  if (isFolder(top)) return true
  return rel === CONFIG_FILE || top === 'meta'
}

/** SiteChanges for a batch of changed paths; undefined when none of them is an input. */
export function classify(paths: Iterable<string>): SiteChanges | undefined {
  const changes = emptyChanges()
  let any = false
  for (const rel of paths) {
    if (rel === '' || !isInput(rel)) continue
    const top = rel.split('/')[0] as string
    // bds.config.json and a bDS project's meta/*.json (settings, categories, tags).
    if (rel === CONFIG_FILE || (top === 'meta' && rel.endsWith('.json'))) changes.config = true
    else if (top === 'posts' || top === 'pages') changes.content.push(rel)
    else if (isFlag(top)) changes[top] = true
    else continue
    any = true
  }
  return any ? changes : undefined
}
