// Text cleaning and Markdown escaping for bookmarks (issue #7): control characters go, lone
// surrogates are replaced, cuts never split a character, and escaped text renders as itself.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cleanContent, cut, escapeMarkdown, multiLine, oneLine } from '../../../src/ingest/text.js'
import { createMarkdown } from '../../../src/render/index.js'

const md = createMarkdown({ linkify: false, typographer: false })
const unescapeHtml = (html: string) =>
  html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')

describe('oneLine', () => {
  it('turns line breaks and tabs into spaces, removes other controls, collapses and trims', () => {
    expect(oneLine('  a\tb\r\nc\u2028d  ')).toBe('a b c d')
    expect(oneLine('bel\u0007l\u0000 esc\u001b[31m del\u007f c1\u0085')).toBe('bell esc[31m del c1')
  })
  it('replaces lone surrogates and keeps pairs', () => {
    expect(oneLine('a\ud800b\udc00c😀')).toBe('a\ufffdb\ufffdc😀')
  })
})

describe('multiLine and cleanContent', () => {
  it('keeps line breaks (normalised), drops controls and trailing blanks', () => {
    expect(multiLine('\n\none\r\ntwo\rthree\u0000 \t\n\n')).toBe('one\ntwo\nthree')
  })
  it('keeps the indentation and hard breaks of Markdown from a transform', () => {
    expect(cleanContent('a  \n    code\u0007\r\n\tx\n\n\n')).toBe('a  \n    code\n\tx\n')
  })
})

describe('cut', () => {
  it('counts code points and never splits a surrogate pair', () => {
    expect(cut('😀😀😀', 2)).toBe('😀😀')
    expect(cut('ab   c', 4)).toBe('ab')
    expect(cut('short', 200)).toBe('short')
  })
})

describe('escapeMarkdown', () => {
  it('renders one line of any text as exactly that text: no HTML, links, emphasis or macros', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme-ascii', maxLength: 60 }),
          fc.string({ unit: 'grapheme', maxLength: 30 }),
        ),
        (raw) => {
          const text = oneLine(raw)
          fc.pre(text.length > 0)
          const html = md.renderInline(escapeMarkdown(text))
          expect(unescapeHtml(html)).toBe(text)
        },
      ),
      { numRuns: 2000 },
    )
  })
  it('keeps block syntax at the start of quoted lines as text', () => {
    for (const line of ['# h', '- item', '+ item', '1. item', '2) item', '===', '> q', '    code'])
      expect(md.render(escapeMarkdown(line.trim()))).toBe(
        `<p>${line.trim().replace('>', '&gt;')}</p>\n`,
      )
  })
  it('leaves no [[ for the macro tokenizer', () => {
    expect(escapeMarkdown('[[youtube id=x]]')).not.toContain('[[')
  })
})
