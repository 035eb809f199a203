// What `bds watch` and `bds serve` print: one line per rebuild (when, what changed, what it
// wrote, how long), the warnings a rebuild found that the previous one did not, and the
// addresses a server on 0.0.0.0 or :: can be reached at.

import type { NetworkInterfaceInfo } from 'node:os'
import type { Diagnostic } from '../../errors/index.js'
import type { WatchEvent } from '../../watch/index.js'

const MAX_SOURCES = 3

export function formatRebuild(event: Extract<WatchEvent, { type: 'built' }>, now: Date): string {
  const time = now.toTimeString().slice(0, 8)
  const { sources, report } = event
  const what =
    sources.length === 0
      ? 'rebuilt'
      : `${sources.slice(0, MAX_SOURCES).join(', ')}${sources.length > MAX_SOURCES ? ` and ${sources.length - MAX_SOURCES} more` : ''} changed`
  const o = report.outputs
  const problems = [
    report.errors ? `${report.errors} error${report.errors === 1 ? '' : 's'}` : '',
    report.warnings ? `${report.warnings} warning${report.warnings === 1 ? '' : 's'}` : '',
  ].filter(Boolean)
  const failed = o.failed ? `, ${o.failed} kept (failed)` : ''
  const tail = problems.length ? ` (${problems.join(', ')})` : ''
  return `${time} ${what}: ${o.written} written, ${o.removed} removed${failed} in ${event.ms} ms${tail}`
}

const keyOf = (d: Diagnostic) => `${d.code}\0${d.file}\0${d.line}\0${d.column}\0${d.message}`

/**
 * Picks what a build's diagnostics add to the terminal: every error, and each warning the
 * previous build did not report (a warning that stays is printed once, not on every save).
 */
export function createDiagnosticFilter(): (diagnostics: Diagnostic[]) => Diagnostic[] {
  let before = new Set<string>()
  return (diagnostics) => {
    const shown = diagnostics.filter((d) => d.severity === 'error' || !before.has(keyOf(d)))
    before = new Set(diagnostics.filter((d) => d.severity !== 'error').map(keyOf))
    return shown
  }
}

const WILDCARD = new Set(['0.0.0.0', '::', '[::]'])

/** True for an address that listens on every interface. */
export const isWildcard = (host: string) => WILDCARD.has(host)

/**
 * The URLs a server listening on every interface can be reached at, loopback first:
 * IPv4 addresses for 0.0.0.0, IPv4 and IPv6 for ::. Link-local IPv6 addresses are left out.
 * `path` is where the site is (`/project/` under a base path).
 */
export function reachableUrls(
  host: string,
  port: number,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>,
  path = '/',
): string[] {
  const all = Object.values(interfaces).flatMap((list) => list ?? [])
  const usable = all.filter(
    (a) => (a.family === 'IPv4' || host !== '0.0.0.0') && !a.address.startsWith('fe80:'),
  )
  usable.sort((a, b) => Number(b.internal) - Number(a.internal))
  return usable.map((a) =>
    a.family === 'IPv6'
      ? `http://[${a.address}]:${port}${path}`
      : `http://${a.address}:${port}${path}`,
  )
}

/**
 * The lines that say where the site is served: the folder and URL, then — for 0.0.0.0 or
 * :: — every address that reaches it, and a warning that the network can read it.
 */
export function servingLines(
  folder: string,
  url: string,
  host: string,
  port: number,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>,
): { out: string[]; err: string[] } {
  const out = [`bds: serving ${folder} at ${url} — Ctrl-C to stop`]
  if (isWildcard(host)) {
    const urls = reachableUrls(host, port, interfaces, new URL(url).pathname)
    if (urls.length) out.push(`bds: reachable at ${urls.join('  ')}`)
  }
  const local = host === '127.0.0.1' || host === 'localhost' || host === '::1'
  const err = local
    ? []
    : [`bds: --host ${host}: anyone who can reach this machine can read the site.`]
  return { out, err }
}
