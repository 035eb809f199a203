// Whose output folder is this? bds writes only into a folder that is empty, lies inside the
// site, or carries its record `.bds-output.json` (the site it belongs to and every file bds
// wrote there). Files the record does not list are never replaced or removed; the record
// survives a deleted `.bds/`, so bds still knows its own files. See decision 0015.

import { createHash } from 'node:crypto'
import { BdsError } from '../errors/index.js'
import { MARKER, unsafeOutputPath } from './paths.js'
import type { OutputWriter } from './writer.js'

export interface Ownership {
  /** Paths bds wrote in earlier builds, by the folder's own record. */
  owned: ReadonlySet<string>
  /** The record's text as read, to write it again only when it changed. */
  recorded: string
}

export interface ClaimOptions {
  /** The site's real path (never written out: the record holds a hash of it). */
  siteRoot: string
  /** The output folder lies inside the site. */
  inside: boolean
  /** `--force-output`: the user takes the folder over. */
  force: boolean
}

const siteId = (root: string) => createHash('sha256').update(root).digest('hex').slice(0, 16)

function readRecord(
  writer: OutputWriter,
): { site?: string; files: string[]; text: string } | undefined {
  const bytes = writer.read(MARKER)
  if (!bytes) return undefined
  const text = Buffer.from(bytes).toString('utf8')
  try {
    const data = JSON.parse(text) as { site?: unknown; files?: unknown }
    const files = Array.isArray(data.files) ? data.files : []
    const safe = files.filter((f): f is string => typeof f === 'string' && !unsafeOutputPath(f))
    return { site: typeof data.site === 'string' ? data.site : undefined, files: safe, text }
  } catch {
    return { files: [], text }
  }
}

/** Decides whether bds may write into the output folder; throws BDS_OUTPUT_FOREIGN if not. */
export function claimOutput(writer: OutputWriter, o: ClaimOptions): Ownership {
  const record = readRecord(writer)
  const mine = record?.site === siteId(o.siteRoot)
  if (record && (mine || o.inside || o.force)) {
    return { owned: new Set(record.files), recorded: record.text }
  }
  const found = record ? [MARKER] : writer.list()
  // Temporary files of bds versions that wrote them beside their target.
  const legacy = found.filter((p) => /(^|\/)\.[^/]+\.bds-tmp-\d+$/.test(p))
  for (const path of legacy) writer.remove(path)
  const present = found.filter((p) => !legacy.includes(p))
  if (present.length === 0 || o.inside || o.force) return { owned: new Set(), recorded: '' }
  const shown = present.slice(0, 3).join(', ') + (present.length > 3 ? ', …' : '')
  const why = record
    ? 'is the output folder of another site'
    : `holds ${present.length} file${present.length === 1 ? '' : 's'} bds did not write (${shown})`
  throw new BdsError('BDS_OUTPUT_FOREIGN', `The output folder ${writer.root} ${why}.`, {
    hint: 'Choose an empty folder (or one inside the site) with --out, or pass --force-output if bds may replace what is there.',
  })
}

/**
 * Writes the folder's record — the site, the files of `manifest` and owned files still there —
 * when it differs from the last one; returns the new ownership.
 */
export function recordOutput(
  writer: OutputWriter,
  siteRoot: string,
  manifest: ReadonlyMap<string, unknown>,
  before: Ownership,
): Ownership {
  const kept = [...before.owned].filter((p) => !manifest.has(p) && writer.stat(p))
  const files = [...manifest.keys(), ...kept].sort()
  const text = `${JSON.stringify({ generator: 'bds', site: siteId(siteRoot), files }, null, 1)}\n`
  if (text !== before.recorded) writer.write(MARKER, { bytes: Buffer.from(text) }, true)
  return { owned: new Set(files), recorded: text }
}
