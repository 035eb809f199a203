// finishOutputs: merges what every sink of a build wrote and removes outputs that the
// previous build made and this one did not. Files bds did not produce, or that were edited
// since bds wrote them, are never deleted.

import { join } from 'node:path'
import type { Diagnostic } from '../errors/index.js'
import type { Manifest } from './cache-db.js'
import { emptyStats, same, type WriteResult, warn } from './sink.js'
import type { OutputWriter } from './writer.js'

/**
 * Merges the results of every sink of a build, keeps the previous output of `keep` (pages
 * that failed to render), and removes outputs of the previous build that no sink wrote.
 */
export function finishOutputs(
  writer: OutputWriter,
  previous: Manifest,
  parts: WriteResult[],
  keep: readonly string[],
): WriteResult {
  const manifest: Manifest = new Map()
  const diagnostics: Diagnostic[] = []
  const stats = emptyStats()
  for (const part of parts) {
    for (const [path, entry] of part.manifest) manifest.set(path, entry)
    diagnostics.push(...part.diagnostics)
    stats.written += part.stats.written
    stats.unchanged += part.stats.unchanged
    stats.failed += part.stats.failed
    stats.notWritten += part.stats.notWritten
    stats.total += part.stats.total
  }
  for (const path of keep) {
    stats.failed += 1
    const prev = previous.get(path)
    if (prev) manifest.set(path, prev)
  }
  for (const [path, entry] of previous) {
    if (manifest.has(path)) continue
    const current = writer.stat(path)
    if (!current) continue
    if (!same(current, entry)) {
      diagnostics.push(
        warn(
          'BDS_OUTPUT_KEPT',
          `${join(writer.root, path)} is no longer produced but was edited since bds wrote it; it was left in place.`,
          'Delete it by hand if it is no longer wanted.',
        ),
      )
      continue
    }
    try {
      writer.remove(path)
      stats.removed += 1
    } catch (error) {
      stats.notWritten += 1
      diagnostics.push(
        warn(
          'BDS_OUTPUT_WRITE',
          `Cannot remove ${join(writer.root, path)}, which is no longer produced: ${(error as Error).message}`,
          'Check the permissions of the output folder; the next build removes it.',
        ),
      )
    }
  }
  return { stats, manifest, diagnostics }
}
