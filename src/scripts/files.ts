// Reading scripts/: the *.py files with their size and mtime, and one file turned into an
// index row (UTF-8 and size checked, header read, content hashed).

import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { BdsError } from '../errors/index.js'
import { readMeta } from './meta.js'
import type { ScriptRow } from './store.js'

export const MAX_SCRIPT_BYTES = 1024 * 1024

export interface Seen {
  path: string
  size: number
  mtimeMs: number
}

export function listScripts(dir: string): Seen[] {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  return names
    .filter((n) => n.endsWith('.py') && !n.startsWith('.'))
    .sort()
    .flatMap((name) => {
      const s = statSync(join(dir, name), { throwIfNoEntry: false })
      return s?.isFile() ? [{ path: `scripts/${name}`, size: s.size, mtimeMs: s.mtimeMs }] : []
    })
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

export function readRow(root: string, seen: Seen, diagnostics: BdsError[]): ScriptRow | undefined {
  const fail = (message: string) => {
    diagnostics.push(
      new BdsError('BDS_SCRIPT_READ', message, {
        pos: { file: seen.path, line: 1, column: 1 },
        severity: 'warning',
      }),
    )
    return undefined
  }
  if (seen.size > MAX_SCRIPT_BYTES)
    return fail(
      `${seen.path} is ${seen.size} bytes, over the 1 MB limit for scripts; it was skipped.`,
    )
  const bytes = readFileSync(join(root, seen.path))
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    return fail(`${seen.path} is not UTF-8 text; it was skipped.`)
  }
  const { meta, diagnostics: warnings } = readMeta(text, seen.path)
  const hash = createHash('sha1').update(bytes).digest('hex')
  return {
    id: meta.id,
    slug: meta.slug,
    title: meta.title,
    kind: meta.kind,
    entrypoint: meta.entrypoint,
    enabled: meta.enabled,
    version: meta.version,
    path: seen.path,
    hash,
    size: seen.size,
    mtimeMs: seen.mtimeMs,
    createdAt: meta.createdAt ?? null,
    updatedAt: meta.updatedAt ?? null,
    syntaxStatus: null,
    functions: null,
    headerId: meta.headerId ?? null,
    warnings: warnings.map((w) => ({
      code: 'BDS_SCRIPT_HEADER' as const,
      line: w.pos?.line ?? 1,
      message: w.message,
    })),
  }
}
