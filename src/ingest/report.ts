// `bds ingest --json`: the result as one JSON object, and its JSON Schema (tests validate
// every report against it, so scripts reading it can rely on the shape).

import { type BdsError, toDiagnostic } from '../errors/index.js'
import type { IngestResult } from './types.js'

export interface IngestReport {
  ok: boolean
  written: boolean
  file?: string
  status?: IngestResult['status']
  post?: IngestResult['post']
  text?: string
  transforms: IngestResult['transforms']
  diagnostics: ReturnType<typeof toDiagnostic>[]
}

export function ingestReport(
  result: IngestResult | undefined,
  diagnostics: BdsError[],
): IngestReport {
  const all = [...diagnostics, ...(result?.diagnostics ?? [])].map(toDiagnostic)
  if (!result) return { ok: false, written: false, transforms: [], diagnostics: all }
  const { file, status, post, text, written, transforms } = result
  return { ok: true, written, file, status, post, text, transforms, diagnostics: all }
}

const str = { type: 'string' }
const strings = { type: 'array', items: str }

export const ingestReportSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['ok', 'written', 'transforms', 'diagnostics'],
  properties: {
    ok: { type: 'boolean' },
    written: { type: 'boolean' },
    file: { type: 'string', pattern: '^posts/\\d{4}/\\d{2}/[^/]+\\.md$' },
    status: { enum: ['draft', 'published'] },
    text: str,
    post: {
      type: 'object',
      required: ['title', 'content', 'tags', 'categories', 'slug'],
      properties: { title: str, content: str, tags: strings, categories: strings, slug: str },
    },
    transforms: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['slug', 'file', 'status', 'ms', 'logs', 'stdout', 'stderr'],
        properties: {
          slug: str,
          file: str,
          status: { enum: ['changed', 'unchanged', 'failed', 'invalid'] },
          ms: { type: 'number' },
          logs: strings,
          stdout: str,
          stderr: str,
          problems: strings,
          error: {
            type: 'object',
            required: ['kind', 'type', 'message', 'traceback'],
            properties: {
              kind: { enum: ['exception', 'timeout', 'memory', 'crash', 'missing', 'output'] },
              type: str,
              message: str,
              traceback: str,
              line: { type: ['integer', 'null'] },
            },
          },
        },
      },
    },
    diagnostics: {
      type: 'array',
      items: {
        type: 'object',
        required: ['severity', 'code', 'message', 'hint'],
        properties: {
          severity: { enum: ['error', 'warning'] },
          code: str,
          message: str,
          hint: str,
        },
      },
    },
  },
} as const
