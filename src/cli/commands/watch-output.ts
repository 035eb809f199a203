// One terminal line per rebuild of `bds watch`: when, what changed, what it wrote, how long.

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
