// The output folder's ownership in a build: claimed before anything is written (and marked as
// this site's at once, so a build that stops half-way leaves a folder the next one knows), and
// recorded again after the last write. A record that cannot be written is one more error.

import type { ResolvedConfig } from '../../config/index.js'
import type { Diagnostic } from '../../errors/index.js'
import {
  claimOutput,
  emptyStats,
  type Manifest,
  type OutputWriter,
  type Ownership,
  recordOutput,
  type WriteResult,
} from '../../output/index.js'
import { isInside, realPath } from '../../util/boundary.js'

export interface Owner {
  siteRoot: string
  ownership: Ownership
  /** The early record could not be written. */
  diagnostics: Diagnostic[]
}

const recordFailed = (writer: OutputWriter, error: unknown): Diagnostic => ({
  severity: 'error',
  code: 'BDS_OUTPUT_WRITE',
  message: `Cannot write the output folder's record ${writer.root}/.bds-output.json: ${(error as Error).message}`,
  hint: 'Check permissions and free space in the output folder; the next build writes it.',
})

/** Throws BDS_OUTPUT_FOREIGN for a folder bds may not write into (a rebuild keeps its claim). */
export function claimOwnership(
  writer: OutputWriter,
  config: ResolvedConfig,
  kept?: Ownership,
): Owner {
  const siteRoot = realPath(config.paths.root)
  if (kept) return { siteRoot, ownership: kept, diagnostics: [] }
  const inside = isInside(realPath(config.paths.out), siteRoot)
  const claimed = claimOutput(writer, { siteRoot, inside, force: config.forceOutput })
  writer.clearTemp()
  try {
    return {
      siteRoot,
      ownership: recordOutput(writer, siteRoot, new Map(), claimed),
      diagnostics: [],
    }
  } catch (error) {
    return { siteRoot, ownership: claimed, diagnostics: [recordFailed(writer, error)] }
  }
}

/** Records what the folder now holds; returns the ownership the next rebuild starts from. */
export function recordOwnership(
  writer: OutputWriter,
  owner: Owner,
  written: WriteResult,
): Ownership {
  try {
    return recordOutput(writer, owner.siteRoot, written.manifest, owner.ownership)
  } catch (error) {
    written.stats.notWritten += 1
    written.diagnostics.push(recordFailed(writer, error))
    return owner.ownership
  }
}

/** The write result of outputs a rebuild keeps as they are. */
export const carriedResult = (manifest: Manifest): WriteResult => ({
  stats: { ...emptyStats(), unchanged: manifest.size, total: manifest.size },
  manifest,
  diagnostics: [],
})
