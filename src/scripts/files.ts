// Reading scripts/: the *.py files with their size and mtime (links only where they resolve
// inside the site), and one file turned into an index row (UTF-8 and size checked, header
// read, content hashed).

import { createHash } from 'node:crypto'
import { type Dirent, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { BdsError } from '../errors/index.js'
import { boundaryOf, insideAny, realOf } from '../util/boundary.js'
import type { FileStat, SkippedLink } from '../util/fs.js'
import type { MemoryFs } from '../util/memory-fs.js'
import { readMeta } from './meta.js'
import type { ScriptRow } from './store.js'

export const MAX_SCRIPT_BYTES = 1024 * 1024

export interface Seen {
  path: string
  size: number
  mtimeMs: number
}

/** The scripts of `dir`, sorted; a link (the folder itself, or a file) leading out is reported. */
export function listScripts(dir: string, onSkip?: (skip: SkippedLink) => void): Seen[] {
  const roots = boundaryOf(dir)
  const real = realOf(dir)
  if (real !== undefined && !insideAny(real, roots)) {
    onSkip?.({ path: dir, target: real, reason: 'outside' })
    return []
  }
  let entries: Dirent[]
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch {
    return []
  }
  return entries
    .filter((e) => isScriptName(e.name))
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => {
      const path = join(dir, entry.name)
      if (entry.isSymbolicLink()) {
        const target = realOf(path)
        if (target === undefined) onSkip?.({ path, reason: 'broken' })
        else if (!insideAny(target, roots)) onSkip?.({ path, target, reason: 'outside' })
        if (target === undefined || !insideAny(target, roots)) return []
      }
      const s = statSync(path, { throwIfNoEntry: false })
      return s?.isFile()
        ? [{ path: `scripts/${entry.name}`, size: s.size, mtimeMs: s.mtimeMs }]
        : []
    })
}

/**
 * How the index reads scripts/: synchronously, as it reads inside a SQLite transaction. The
 * disk by default; a memory site in tests.
 */
export interface ScriptFiles {
  /** The `*.py` files directly in `scripts/` of the site at `root`, sorted. */
  list(root: string, onSkip?: (skip: SkippedLink) => void): Seen[]
  read(root: string, path: string): Uint8Array
}

export const diskScriptFiles: ScriptFiles = {
  list: (root, onSkip) => listScripts(join(root, 'scripts'), onSkip),
  read: (root, path) => readFileSync(join(root, path)),
}

/** scripts/ of a site held in a memory Fs. */
export function memoryScriptFiles(fs: MemoryFs): ScriptFiles {
  return {
    list: (root) =>
      fs
        .walkSync(join(root, 'scripts'))
        .filter((name) => !name.includes('/') && isScriptName(name))
        .map((name) => {
          const s = fs.statSync(join(root, 'scripts', name)) as FileStat
          return { path: `scripts/${name}`, size: s.size, mtimeMs: s.mtimeMs }
        }),
    read: (root, path) => fs.readSync(join(root, path)),
  }
}

export const isScriptName = (name: string) => name.endsWith('.py') && !name.startsWith('.')

const utf8 = new TextDecoder('utf-8', { fatal: true })

export function readRow(
  files: ScriptFiles,
  root: string,
  seen: Seen,
  diagnostics: BdsError[],
): ScriptRow | undefined {
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
  const bytes = files.read(root, seen.path)
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
    cache: meta.cache,
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
    params: meta.params ?? null,
    doc: meta.doc || null,
    signature: null,
    warnings: warnings.map((w) => ({
      code: 'BDS_SCRIPT_HEADER' as const,
      line: w.pos?.line ?? 1,
      message: w.message,
    })),
  }
}
