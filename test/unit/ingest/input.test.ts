// Reading a bookmark's bytes (issue #7): UTF-8 only, one JSON object of the documented shape,
// clear errors naming the input (and line and column for JSON syntax), unknown keys warned.

import { describe, expect, it } from 'vitest'
import { type BdsError, isBdsError } from '../../../src/errors/index.js'
import { MAX_INPUT_BYTES, readBookmark } from '../../../src/ingest/index.js'

const read = (text: string | Uint8Array) =>
  readBookmark(typeof text === 'string' ? Buffer.from(text) : text, 'bm.json')

function failure(text: string | Uint8Array): BdsError {
  try {
    read(text)
  } catch (error) {
    if (isBdsError(error)) return error
    throw error
  }
  throw new Error('no error')
}

describe('readBookmark', () => {
  it('reads the documented keys and accepts a byte order mark and nulls', () => {
    const { raw, warnings } = read(
      '\ufeff{"url": "https://e.com", "title": null, "text": "t", "tags": ["a"], "categories": [], "language": "en"}',
    )
    expect(raw).toEqual({
      url: 'https://e.com',
      title: null,
      text: 't',
      tags: ['a'],
      categories: [],
      language: 'en',
    })
    expect(warnings).toEqual([])
  })

  it('refuses bytes that are not UTF-8 and names the offset', () => {
    const bytes = Buffer.concat([
      Buffer.from('{"url": "https://e.com", "title": "caf'),
      Buffer.from([0xe9, 0x22, 0x7d]),
    ])
    const e = failure(bytes)
    expect(e.code).toBe('BDS_INGEST_INPUT')
    expect(e.message).toBe(
      'bm.json is not UTF-8 text (the byte at offset 38 is not valid UTF-8); nothing was written.',
    )
    expect(failure(Buffer.from([0x7b, 0xc3])).message).toContain('offset 1')
  })

  it('refuses JSON syntax errors with line and column', () => {
    const e = failure('{\n  "url": "https://e.com",\n}')
    expect(e.message).toMatch(/^bm\.json is not valid JSON \(.*\); nothing was written\.$/)
    expect(e.pos).toEqual({ file: 'bm.json', line: 3, column: 1 })
    expect(failure('   ').message).toContain('(it is empty)')
  })

  it.each([
    ['[]', 'bm.json holds a list, not a bookmark object'],
    ['"https://e.com"', 'bm.json holds a string, not a bookmark object'],
    ['{}', 'The bookmark in bm.json has no "url"'],
    ['{"url": 5}', 'The bookmark\'s "url" in bm.json must be a string'],
    ['{"url": "u", "tags": "a,b"}', 'The bookmark\'s "tags" in bm.json must be a list of strings'],
    [
      '{"url": "u", "categories": ["a", 1]}',
      'The bookmark\'s "categories" item 2 in bm.json must be a string',
    ],
    ['{"url": "u", "title": {"a": 1}}', 'The bookmark\'s "title" in bm.json must be a string'],
  ])('refuses %s', (text, message) => {
    const e = failure(text)
    expect(e.code).toBe('BDS_INGEST_INPUT')
    expect(e.message).toBe(`${message}; nothing was written.`)
  })

  it('warns about keys it does not read', () => {
    const { warnings } = read('{"url": "u", "tag": ["x"], "\\u001b[2J": 1}')
    expect(warnings.map((w) => [w.severity, w.message])).toEqual([
      ['warning', 'The bookmark\'s key "tag" is not one bds reads; it was ignored.'],
      ['warning', 'The bookmark\'s key "\\u001b[2J" is not one bds reads; it was ignored.'],
    ])
  })

  it('refuses more than 1 MiB', () => {
    const e = failure(Buffer.alloc(MAX_INPUT_BYTES + 1, 0x20))
    expect(e.message).toContain('the most a bookmark may have')
  })
})
