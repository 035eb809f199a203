// What `bds scripts` does to files: create a script, switch it on or off (only its header
// lines change; the body stays byte-identical), delete it. Every write is atomic.

import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { BdsError } from '../errors/index.js'
import { suggest } from '../util/suggest.js'
import { BODIES, EXAMPLES } from './examples.js'
import { parseHeader, patchHeader, writeHeader } from './header.js'
import { DEFAULT_ENTRYPOINT, normalizeSlug, readMeta, type ScriptKind } from './meta.js'
import type { ScriptRow, ScriptStore } from './store.js'

function writeAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true })
  const tmp = join(dirname(path), `.${path.split('/').pop()}.bds-tmp-${process.pid}`)
  writeFileSync(tmp, text)
  renameSync(tmp, path)
}

export function findScript(store: ScriptStore, slug: string): ScriptRow {
  const row = store.bySlug(slug)
  if (row) return row
  const near = suggest(
    slug.toLowerCase(),
    store.all().map((r) => r.slug),
  )
  throw new BdsError(
    'BDS_SCRIPT_NOT_FOUND',
    `No script "${slug}" in scripts/.${near ? ` Did you mean "${near}"?` : ''}`,
  )
}

export function newScript(
  root: string,
  store: ScriptStore,
  slugText: string,
  kind: ScriptKind,
  title: string | undefined,
  now: Date,
): string {
  const slug = normalizeSlug(slugText)
  const path = `scripts/${slug}.py`
  if (existsSync(join(root, path)) || store.bySlug(slug)) {
    throw new BdsError(
      'BDS_NEW_EXISTS',
      `A script "${slug}" already exists (${store.bySlug(slug)?.path ?? path}); nothing was written.`,
      { hint: 'Pick another slug, or edit the existing script.' },
    )
  }
  const stamp = now.toISOString()
  const fields = {
    id: randomUUID(),
    slug,
    title: title ?? slug,
    kind,
    entrypoint: DEFAULT_ENTRYPOINT[kind],
    enabled: true,
    version: 1,
    createdAt: stamp,
    updatedAt: stamp,
  }
  writeAtomic(join(root, path), writeHeader(fields, EXAMPLES[kind](slug)) + BODIES[kind])
  return path
}

export function setEnabled(root: string, row: ScriptRow, enabled: boolean, now: Date): boolean {
  const file = join(root, row.path)
  const source = readFileSync(file, 'utf8')
  const { meta } = readMeta(source, row.path)
  if (meta.hasHeader && meta.enabled === enabled) return false
  const changes = { enabled, version: meta.version + 1, updatedAt: now.toISOString() }
  const next = parseHeader(source).lines
    ? patchHeader(source, changes)
    : writeHeader({
        id: row.id,
        slug: row.slug,
        title: row.title,
        kind: row.kind,
        entrypoint: row.entrypoint,
        ...changes,
      }) + source
  writeAtomic(file, next)
  return true
}

export function removeScript(root: string, row: ScriptRow): void {
  unlinkSync(join(root, row.path))
}
