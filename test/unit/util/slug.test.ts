import { describe, expect, it } from 'vitest'
import { escapeHtml, escapeXml, stripHtml } from '../../../src/util/html.js'
import { slugify, termSegment } from '../../../src/util/slug.js'

describe('slugify', () => {
  it.each([
    ['Hello, World!', 'hello-world'],
    ['  Crème brûlée  ', 'creme-brulee'],
    ['Ein Tag am Meer', 'ein-tag-am-meer'],
    ['日本語 タイトル', '日本語-タイトル'],
    ['C++ & Rust 2024', 'c-rust-2024'],
    ['---', ''],
  ])('%j → %j', (input, slug) => expect(slugify(input)).toBe(slug))
})

describe('termSegment', () => {
  it('keeps the name but makes it one safe path segment', () => {
    expect(termSegment('open source')).toBe('open source')
    expect(termSegment('café')).toBe('café')
    expect(termSegment('a/b')).toBe('a-b')
    expect(termSegment('..hidden')).toBe('hidden')
    expect(termSegment('100%')).toBe('100-')
  })
})

describe('escaping', () => {
  it('escapes HTML and XML and strips tags', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    )
    expect(escapeXml('a\u0001b\u0000c')).toBe('abc')
    expect(stripHtml('<p>One &amp; <b>two</b></p>\n<p>three</p>')).toBe('One & two three')
  })
})
