// walkConfined: the files below a source folder, sorted, skipping dotfiles, following symbolic
// links only where they resolve inside the allowed roots (the site, `allowOutside`). Every
// link it does not follow — leading out, leading nowhere, or back into a folder it already
// lists — is reported, so the build can name the link and its target in a warning.

import { type Dirent, lstatSync, readdirSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { BdsError } from '../errors/index.js'
import { insideAny, isInside, realOf } from './boundary.js'

export interface SkippedLink {
  /** The link as found (the source folder itself, or an entry below it), absolute. */
  path: string
  /** The real path it leads to; undefined when it leads nowhere. */
  target?: string
  reason: 'outside' | 'broken' | 'repeat'
}

type OnSkip = (skip: SkippedLink) => void

const why: Record<SkippedLink['reason'], (target?: string) => string> = {
  outside: (target) => `is a symbolic link to ${target}, outside the site`,
  broken: () => 'is a symbolic link that leads nowhere (a missing target or a loop)',
  repeat: (target) => `is a symbolic link back to ${target}, a folder that is already read`,
}

/** The warning for one skipped link, named relative to the site root (line 0: no frame). */
export function skippedLinkWarning(root: string, skip: SkippedLink): BdsError {
  const file = relative(root, skip.path).split(sep).join('/') || '.'
  const message = `${file} ${why[skip.reason](skip.target)}; it was skipped.`
  const code = skip.reason === 'outside' ? 'BDS_SOURCE_OUTSIDE' : 'BDS_SOURCE_LINK'
  return new BdsError(code, message, { pos: { file, line: 0, column: 0 }, severity: 'warning' })
}

const missing = (error: unknown) => {
  const code = (error as { code?: string } | null)?.code
  return code === 'ENOENT' || code === 'ENOTDIR'
}

function entriesOf(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))
  } catch (error) {
    if (missing(error)) return []
    throw error
  }
}

/** Files below `dir` as `/`-separated relative paths, sorted; [] when `dir` is missing or out of bounds. */
export function walkConfined(dir: string, roots: readonly string[], onSkip?: OnSkip): string[] {
  try {
    if (!lstatSync(dir, { throwIfNoEntry: false })) return []
  } catch (error) {
    if (missing(error)) return []
    throw error
  }
  const top = realOf(dir)
  if (top === undefined || !insideAny(top, roots)) {
    onSkip?.({ path: dir, target: top, reason: top === undefined ? 'broken' : 'outside' })
    return []
  }
  if (!statSync(top).isDirectory()) return []
  const out: string[] = []
  const seen = new Set([top])
  const visit = (abs: string, real: string, rel: string) => {
    for (const entry of entriesOf(abs)) {
      if (entry.name.startsWith('.')) continue
      const path = rel ? `${rel}/${entry.name}` : entry.name
      const at = join(abs, entry.name)
      if (entry.isFile()) out.push(path)
      else if (entry.isDirectory()) {
        const inner = join(real, entry.name)
        if (seen.has(inner)) continue
        seen.add(inner)
        visit(at, inner, path)
      } else if (entry.isSymbolicLink()) {
        const target = realOf(at)
        if (target === undefined) onSkip?.({ path: at, reason: 'broken' })
        else if (!insideAny(target, roots)) onSkip?.({ path: at, target, reason: 'outside' })
        else {
          const s = statSync(target, { throwIfNoEntry: false })
          if (s?.isFile()) out.push(path)
          else if (s?.isDirectory()) {
            // Back into the folder being listed, into one of its parents, or a second time.
            const again = isInside(target, top) || isInside(real, target) || seen.has(target)
            if (again) onSkip?.({ path: at, target, reason: 'repeat' })
            else {
              seen.add(target)
              visit(at, target, path)
            }
          }
        }
      }
    }
  }
  visit(dir, top, '')
  return out.sort()
}
