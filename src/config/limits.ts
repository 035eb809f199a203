// Work limits with their defaults: the most HTML a page may have and liquidjs's render limits
// (time, allocations and template size per render), so that one runaway page fails alone.

import type { ResolvedLimits, UserConfig } from './types.js'

export const DEFAULT_LIMITS: Readonly<ResolvedLimits> = Object.freeze({
  pageChars: 16 * 2 ** 20,
  renderMs: 2000,
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
