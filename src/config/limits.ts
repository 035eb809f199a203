// Work limits with their defaults: the most HTML a page may have and liquidjs's render limits
// (time, allocations and template size per render), so that one runaway page fails alone.
// resolveConfig records each site's limits, so the template store can carry them to every
// engine that renders the site (also on the render worker) — until the pipeline passes them.

import type { ResolvedLimits, UserConfig } from './types.js'

export const DEFAULT_LIMITS: Readonly<ResolvedLimits> = Object.freeze({
  pageChars: 16 * 2 ** 20,
  // Far above any real page even on a loaded machine: it stops runaway loops, not slow pages.
  renderMs: 30_000,
  renderMemory: 100_000_000,
  templateChars: 10_000_000,
})

export function resolveLimits(c: UserConfig['limits'] = {}): Readonly<ResolvedLimits> {
  const d = DEFAULT_LIMITS
  return Object.freeze({
    pageChars: c.pageMiB === undefined ? d.pageChars : c.pageMiB * 2 ** 20,
    renderMs: c.renderMs ?? d.renderMs,
    renderMemory: c.renderMemory ?? d.renderMemory,
    templateChars: c.templateChars ?? d.templateChars,
  })
}

const bySite = new Map<string, Readonly<ResolvedLimits>>()

/** Records the limits of the site at `root` (resolveConfig does, for every config it resolves). */
export function recordLimits(root: string, limits: Readonly<ResolvedLimits>): void {
  bySite.set(root, limits)
}

/** The limits of the site at `root`: as last resolved, else the defaults. */
export const limitsFor = (root: string): Readonly<ResolvedLimits> =>
  bySite.get(root) ?? DEFAULT_LIMITS
