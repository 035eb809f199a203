// ScriptMeta: a script's header with every missing or invalid value replaced by its
// documented default. A missing key is silent (a header gives only what it needs); an
// invalid value is a warning naming the file and line. Pure.

import { createHash } from 'node:crypto'
import { BdsError } from '../errors/index.js'
import { type HeaderLine, type HeaderValue, parseHeader } from './header.js'
import { type HeaderParam, readHeaderParams } from './params.js'

export type ScriptKind = 'macro' | 'utility' | 'transform'
export const KINDS: readonly ScriptKind[] = ['macro', 'utility', 'transform']
export const DEFAULT_ENTRYPOINT: Record<ScriptKind, string> = {
  macro: 'render',
  utility: 'main',
  transform: 'transform',
}

export interface ScriptMeta {
  id: string
  /** The header's own id, when it has a valid one. */
  headerId?: string
  slug: string
  title: string
  kind: ScriptKind
  entrypoint: string
  enabled: boolean
  /** `cache: false`: the script's results are never taken from the build cache (clock, randomness). */
  cache: boolean
  version: number
  createdAt?: string
  updatedAt?: string
  hasHeader: boolean
  /** The header's `params:` list, when it has one. */
  params?: HeaderParam[]
  /** The docstring's text after the header ('' when none). */
  doc: string
}

/** bDS's slug rule: lower case, runs of other characters → `_`, trimmed; empty → `script`. */
export function normalizeSlug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '') || 'script'
  )
}

/** A stable id for a script whose header has none: derived from its file name. */
export function pathId(path: string): string {
  const h = createHash('sha1').update(`bds-script:${path}`).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`
}

const isDate = (v: HeaderValue) => typeof v === 'string' && !Number.isNaN(Date.parse(v))

export function readMeta(
  source: string,
  path: string,
): { meta: ScriptMeta; diagnostics: BdsError[] } {
  const { lines, raw, doc } = parseHeader(source)
  const diagnostics: BdsError[] = []
  const byKey = new Map<string, HeaderLine>((lines ?? []).map((l) => [l.key, l]))
  const fileName = (path.split('/').pop() ?? path).replace(/\.py$/, '')
  const take = <T>(
    key: string,
    ok: (v: HeaderValue) => boolean,
    fallback: T,
    what: string,
    map: (v: HeaderValue) => T,
  ): T => {
    const line = byKey.get(key)
    if (!line) return fallback
    if (ok(line.value)) return map(line.value)
    warn(`has an invalid "${key}" (${JSON.stringify(line.value)}); using ${what}.`, line.line)
    return fallback
  }
  const warn = (message: string, line: number) =>
    diagnostics.push(
      new BdsError('BDS_SCRIPT_HEADER', `The header of ${path} ${message}`, {
        pos: { file: path, line, column: 1 },
        severity: 'warning',
      }),
    )
  const str = (v: HeaderValue) => typeof v === 'string' && v.trim() !== ''
  const headerId = take<string | undefined>(
    'id',
    str,
    undefined,
    'an id derived from the file name',
    (v) => String(v).trim(),
  )
  const slug = take(
    'slug',
    (v) => str(v) && normalizeSlug(String(v)) === String(v),
    normalizeSlug(fileName),
    `"${normalizeSlug(fileName)}"`,
    String,
  )
  const kind = take<ScriptKind>(
    'kind',
    (v) => KINDS.includes(v as ScriptKind),
    'utility',
    '"utility"',
    (v) => v as ScriptKind,
  )
  const entrypoint = take(
    'entrypoint',
    (v) => str(v) && /^[A-Za-z_]\w*$/.test(String(v)),
    DEFAULT_ENTRYPOINT[kind],
    `"${DEFAULT_ENTRYPOINT[kind]}"`,
    String,
  )
  const declared = readHeaderParams(raw ?? [])
  for (const p of declared.problems) warn(`${p.message}.`, p.line)
  return {
    meta: {
      id: headerId ?? pathId(path),
      headerId,
      slug,
      title: take('title', str, slug, 'the slug', (v) => String(v).trim()),
      kind,
      entrypoint,
      enabled: take('enabled', (v) => typeof v === 'boolean', true, 'true', Boolean),
      cache: take('cache', (v) => typeof v === 'boolean', true, 'true', Boolean),
      version: take(
        'version',
        (v) => typeof v === 'number' && Number.isInteger(v) && v > 0,
        1,
        '1',
        Number,
      ),
      createdAt: take<string | undefined>('createdAt', isDate, undefined, 'none', String),
      updatedAt: take<string | undefined>('updatedAt', isDate, undefined, 'none', String),
      hasHeader: lines !== undefined,
      ...(declared.params ? { params: declared.params } : {}),
      doc: doc ?? '',
    },
    diagnostics: diagnostics.sort((a, b) => (a.pos?.line ?? 0) - (b.pos?.line ?? 0)),
  }
}
