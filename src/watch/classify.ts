// Which site inputs a changed path is: the watcher sees paths relative to the site root and
// sorts them into SiteChanges. Dotfiles and folders (.git, .bds, .idea, .vscode), editors'
// temporary files and anything outside the site's input folders (the output) are not inputs.

import { emptyChanges, type SiteChanges } from '../build/index.js'
import { CONFIG_FILE } from '../config/index.js'

type Flag = 'templates' | 'scripts' | 'media' | 'static' | 'data'
const FLAGS: readonly string[] = [
  'templates',
  'scripts',
  'media',
  'static',
  'data',
] satisfies Flag[]
const isFlag = (name: string): name is Flag => FLAGS.includes(name)
const isFolder = (name: string) => name === 'posts' || name === 'pages' || isFlag(name)

/**
 * Names editors write beside the file being saved and remove again: backups (`a.md~`), Emacs
 * auto-saves (`#a.md#`) and locks (`.#a.md`), Vim swap files (`.a.md.swp`, `.swx`, …) and its
 * write test `4913`, Kate's `.a.md.kate-swp`, JetBrains' safe-write copies, `*.tmp`, `*.crswap`.
 */
const TEMPORARY = [
  /~$/,
  /^#.*#$/,
  /\.sw[a-px]$/,
  /^4913$/,
  /\.kate-swp$/,
  /___jb_(tmp|old|bak)___$/,
  /\.(tmp|temp|crswap)$/i,
]

/** True for a file or folder name that is never an input: hidden or an editor's temporary. */
export function isIgnoredName(name: string): boolean {
  return name.startsWith('.') || name === '..' || TEMPORARY.some((re) => re.test(name))
}

/**
 * True for a path (relative, `/`-separated) that is an input or may hold inputs; the watcher
 * does not descend into the others. `''` is the site folder itself.
 */
export function isInput(rel: string): boolean {
  if (rel === '') return true
  const parts = rel.split('/')
  if (parts.some(isIgnoredName)) return false
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
