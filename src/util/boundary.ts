// The source boundary (issue 19): a file bds reads for output must resolve, after following
// every symbolic link on its path, inside the site folder or a root the config lists in
// `allowOutside`. resolveConfig registers each site; nodeFs asks boundaryOf() for a path.

import { realpathSync } from 'node:fs'
import { basename, dirname, join, sep } from 'node:path'

/** The real path of `path`, or undefined when it does not exist or leads nowhere. */
export function realOf(path: string): string | undefined {
  try {
    return realpathSync.native(path)
  } catch {
    return undefined
  }
}

/**
 * `path` with every link resolved, also when its end does not exist yet (the nearest existing
 * folder is resolved and the rest appended), so overlap checks compare real places.
 */
export function realPath(path: string): string {
  const real = realOf(path)
  if (real !== undefined) return real
  const parent = dirname(path)
  return parent === path ? path : join(realPath(parent), basename(path))
}

/** True when `path` is `root` or below it (both absolute, normalised). */
export const isInside = (path: string, root: string) =>
  path === root || path.startsWith(root.endsWith(sep) ? root : root + sep)

export const insideAny = (path: string, roots: readonly string[]) =>
  roots.some((root) => isInside(path, root))

/** The real roots of a site: its folder, then each `allowOutside` root (absolute paths). */
export function siteRoots(root: string, allowOutside: readonly string[] = []): string[] {
  return [root, ...allowOutside].map((p) => realOf(p) ?? p)
}

interface Site {
  root: string
  roots: string[]
}

const sites = new Map<string, Site>()

/** Records the roots of the site at `root` (absolute); a later call for the same root replaces them. */
export function registerSite(root: string, allowOutside: readonly string[]): void {
  const roots = siteRoots(root, allowOutside)
  sites.set(root, { root, roots })
}

/**
 * The real roots a source at `path` may resolve into: those of the registered site that holds
 * it (by its path as given or its real root), else the real folder holding `path`.
 */
export function boundaryOf(path: string): readonly string[] {
  let best: Site | undefined
  for (const site of sites.values()) {
    const holds = isInside(path, site.root) || isInside(path, site.roots[0] as string)
    if (holds && (!best || site.root.length > best.root.length)) best = site
  }
  if (best) return best.roots
  const parent = dirname(path)
  return [realOf(parent) ?? parent]
}
