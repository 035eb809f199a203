// Sanitising a bookmark (issue #7, rule 2), one rule at a time, hostile input included.

import { describe, expect, it } from 'vitest'
import { isBdsError } from '../../../src/errors/index.js'
import { initialBody, MAX_URL, sanitizeBookmark, sanitizeUrl } from '../../../src/ingest/index.js'

const urlError = (raw: string) => {
  try {
    sanitizeUrl(raw)
  } catch (error) {
    expect(isBdsError(error)).toBe(true)
    return error as Error & { code: string }
  }
  throw new Error(`${JSON.stringify(raw)} was accepted`)
}

describe('the URL', () => {
  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    '\u0001javascript:alert(1)',
    ' java\tscript:alert(1)',
    'java\nscript:alert(document.cookie)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.com/file',
    'mailto:a@example.com',
    'blob:https://example.com/uuid',
  ])('refuses %j: only http: and https:', (raw) => {
    const e = urlError(raw)
    expect(e.code).toBe('BDS_INGEST_URL')
    expect(e.message).toMatch(/must link to an http: or https: address.*Nothing was written/)
  })

  it.each(['//evil.example/x', '/relative/path', 'example.com', 'https://exa mple.com', ''])(
    'refuses %j: not an absolute URL',
    (raw) => {
      expect(urlError(raw).code).toBe('BDS_INGEST_URL')
    },
  )

  it('removes credentials and the fragment, strips control characters', () => {
    expect(sanitizeUrl('https://user:secret@example.com/a?b=1#top').href).toBe(
      'https://example.com/a?b=1',
    )
    expect(sanitizeUrl(' \u0000https://exa\u0007mple.com/\u009b \n').href).toBe(
      'https://example.com/',
    )
  })

  it('allows 2048 characters and refuses 2049', () => {
    const base = 'https://example.com/'
    expect(sanitizeUrl(base + 'a'.repeat(MAX_URL - base.length)).href).toHaveLength(MAX_URL)
    const e = urlError(base + 'a'.repeat(MAX_URL - base.length + 1))
    expect(e.message).toContain('2049 characters long; at most 2048')
  })
})

describe('the title, tags and categories', () => {
  it('trims the title to 200 characters without splitting one', () => {
    const b = sanitizeBookmark({ url: 'https://example.com', title: `  ${'😀'.repeat(250)}  ` })
    expect(Array.from(b.title)).toHaveLength(200)
    expect(b.title).toBe('😀'.repeat(200))
  })

  it('strips control characters and line breaks from the title', () => {
    const b = sanitizeBookmark({ url: 'https://e.com', title: 'a\u0000b\u001b[2J\nc\u0085' })
    expect(b.title).toBe('ab[2J c')
  })

  it.each([undefined, null, '', '   \u0007\n'])(
    'falls back to the host name for title %j',
    (title) => {
      expect(sanitizeBookmark({ url: 'https://www.xn--mnchen-3ya.de/x', title }).title).toBe(
        'www.münchen.de',
      )
    },
  )

  it('trims tags and categories, drops empty ones and duplicates (ignoring case)', () => {
    const b = sanitizeBookmark({
      url: 'https://e.com',
      tags: [' Web ', 'web', '', ' \n ', 'a\u0000b', 'WEB', 'css'],
      categories: ['blogmark', 'Blogmark '],
    })
    expect(b.tags).toEqual(['Web', 'ab', 'css'])
    expect(b.categories).toEqual(['blogmark'])
  })

  it('checks the language tag', () => {
    expect(sanitizeBookmark({ url: 'https://e.com', language: 'pt-BR' }).language).toBe('pt-BR')
    expect(() => sanitizeBookmark({ url: 'https://e.com', language: 'english please' })).toThrow(
      /not a language tag/,
    )
  })
})

describe('the first body', () => {
  it('is a Markdown link with escaped text, then the selection as a quote', () => {
    expect(initialBody('A [b] (c) <i>', 'https://e.com/x', '')).toBe(
      '[A \\[b\\] \\(c\\) \\<i\\>](https://e.com/x)\n',
    )
    expect(initialBody('T', 'https://e.com/a(b)', '  first\n\n\n\n# second  \n')).toBe(
      '[T](<https://e.com/a(b)>)\n\n> first\n>\n> \\# second\n',
    )
  })

  it('comes from the sanitised text', () => {
    const b = sanitizeBookmark({
      url: 'https://e.com',
      title: 'T',
      text: 'one\r\ntwo\u0000\r\n\r\nthree',
    })
    expect(b.text).toBe('one\ntwo\n\nthree')
  })
})
