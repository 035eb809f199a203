// Reading a bookmark: bytes (a file or stdin) → UTF-8 text → JSON → an object of the
// documented shape (ajv). Every failure is a BDS_INGEST_INPUT error that says where and
// what to do; keys bds does not know are warnings, never silently lost.

import { Ajv, type ErrorObject } from 'ajv'
import { BdsError } from '../errors/index.js'
import { JsonSyntaxError, parseJsonWithPositions } from '../util/json-source.js'
import { visible } from './text.js'
import { decodeUtf8 } from './utf8.js'

export const MAX_INPUT_BYTES = 1024 * 1024

/** The bookmark as given, before sanitising (null means "not given"). */
export interface RawBookmark {
  url: string
  title?: string | null
  text?: string | null
  tags?: string[] | null
  categories?: string[] | null
  language?: string | null
}

const str = { type: ['string', 'null'] }
const terms = { type: ['array', 'null'], items: { type: 'string' } }

export const bookmarkSchema = {
  type: 'object',
  required: ['url'],
  properties: {
    url: { type: 'string' },
    title: str,
    text: str,
    tags: terms,
    categories: terms,
    language: str,
  },
} as const

const KEYS = Object.keys(bookmarkSchema.properties)
let validate: ReturnType<Ajv['compile']> | undefined

function fail(message: string, source: string, hint?: string, line?: number, column?: number) {
  const pos = line ? { file: source, line, column: column ?? 1 } : undefined
  return new BdsError('BDS_INGEST_INPUT', message, { pos, hint })
}

function decode(bytes: Uint8Array, source: string): string {
  if (bytes.length > MAX_INPUT_BYTES)
    throw fail(
      `${source} is larger than 1 MiB, the most a bookmark may have; nothing was written.`,
      source,
    )
  const text = decodeUtf8(bytes)
  if (typeof text === 'string') return text.replace(/^\ufeff/, '')
  throw fail(
    `${source} is not UTF-8 text (the byte at offset ${text.invalidAt} is not valid UTF-8); nothing was written.`,
    source,
    'Save the bookmark as UTF-8 (every browser and editor can), then run bds ingest again.',
  )
}

function syntaxError(
  text: string,
  error: unknown,
): { message: string; line?: number; column?: number } {
  if (!text.trim()) return { message: 'it is empty' }
  if (text.length <= 64 * 1024) {
    try {
      parseJsonWithPositions(text)
    } catch (e) {
      if (e instanceof JsonSyntaxError) return { message: e.message, ...e.pos }
    }
  }
  return { message: `${(error as Error).message}` }
}

function parse(text: string, source: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    const { message, line, column } = syntaxError(text, error)
    throw fail(
      `${source} is not valid JSON (${visible(message).replace(/\.$/, '')}); nothing was written.`,
      source,
      undefined,
      line,
      column,
    )
  }
}

const typeName = (v: unknown) =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'a list'
      : typeof v === 'object'
        ? 'an object'
        : `a ${typeof v}`

function shapeMessage(value: unknown, e: ErrorObject | undefined, source: string): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return `${source} holds ${typeName(value)}, not a bookmark object; nothing was written.`
  if (!e || e.keyword === 'required')
    return `The bookmark in ${source} has no "url"; nothing was written.`
  const [key = '', item] = e.instancePath.slice(1).split('/')
  const what = item === undefined ? `"${key}"` : `"${key}" item ${Number(item) + 1}`
  const want =
    item === undefined && (key === 'tags' || key === 'categories')
      ? 'a list of strings'
      : 'a string'
  return `The bookmark's ${what} in ${source} must be ${want}; nothing was written.`
}

/** Bytes → a bookmark object; `source` names the input in messages (a path or `<stdin>`). */
export function readBookmark(
  bytes: Uint8Array,
  source: string,
): { raw: RawBookmark; warnings: BdsError[] } {
  const value = parse(decode(bytes, source), source)
  validate ??= new Ajv({ allErrors: false }).compile(bookmarkSchema)
  if (!validate(value)) throw fail(shapeMessage(value, validate.errors?.[0], source), source)
  const warnings = Object.keys(value as object)
    .filter((k) => !KEYS.includes(k))
    .map(
      (k) =>
        new BdsError(
          'BDS_INGEST_INPUT',
          `The bookmark's key ${JSON.stringify(k)} is not one bds reads; it was ignored.`,
          {
            severity: 'warning',
            hint: `A bookmark has the keys ${KEYS.join(', ')}.`,
          },
        ),
    )
  return { raw: value as RawBookmark, warnings }
}
