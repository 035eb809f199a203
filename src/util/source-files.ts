// fileSources: the `Sources` that code frames read from disk — the files of one site by the
// path a diagnostic names, only when they resolve inside the site (a frame must never print a
// secret a link points at) and hold at most 16 MiB. Each is read once, and again only after
// its size or mtime changed (checked at most every 100 ms), so frames of many diagnostics in
// one file share one read.

import { readFileSync, statSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'
import type { Sources } from '../errors/index.js'
import { boundaryOf, insideAny, realOf } from './boundary.js'

const MAX_BYTES = 16 * 2 ** 20
const RECHECK_MS = 100

const statOf = (path: string) => {
  try {
    return statSync(path, { throwIfNoEntry: false })
  } catch {
    return undefined
  }
}

export function fileSources(root: string): Sources {
  type Entry = { size: number; mtimeMs: number; checked: number; text?: string }
  const cache = new Map<string, Entry>()
  return (file) => {
    const path = isAbsolute(file) ? file : join(root, file)
    const known = cache.get(path)
    const now = performance.now()
    if (known && now - known.checked < RECHECK_MS) return known.text
    const s = statOf(path)
    if (!s?.isFile() || s.size > MAX_BYTES) return undefined
    if (known?.size === s.size && known.mtimeMs === s.mtimeMs) {
      known.checked = now
      return known.text
    }
    const real = realOf(path)
    // The site's roots (registered by resolveConfig), else the site folder itself.
    const roots = boundaryOf(join(root, '-'))
    let text: string | undefined
    try {
      text = real && insideAny(real, roots) ? readFileSync(real, 'utf8') : undefined
    } catch {
      text = undefined
    }
    cache.set(path, { size: s.size, mtimeMs: s.mtimeMs, checked: now, text })
    return text
  }
}
