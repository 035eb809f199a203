// parseSidecar against sidecars written the way bDS's MediaEngine.writeSidecarFile writes
// them (rfc1437/bDS src/main/engine/MediaEngine.ts) and against plain YAML (issue 12, item 1).

import { describe, expect, it } from 'vitest'
import { parseSidecar, sidecarScalar } from '../../../src/content/sidecar.js'

/** A sidecar exactly as bDS writes it: `---` lines, no newline after the closing one. */
const bdsWritten = [
  '---',
  'id: 3b94f5d1-91f5-4c9b-a8d4-6f3bf8f045cf',
  'originalName: "IMG_0912.JPG"',
  'mimeType: image/jpeg',
  'size: 48213',
  'width: 1600',
  'height: 1200',
  'title: "Strand"',
  'alt: "Blaues Meer"',
  'caption: "Sie sagte "Hallo", dann ging sie"',
  'createdAt: 2025-05-03T09:12:00.000Z',
  'updatedAt: 2025-05-04T10:00:00.000Z',
  'tags: ["meer", "sommer"]',
  'linkedPostIds: ["post-1", "post-2"]',
  '---',
].join('\n')

describe('parseSidecar', () => {
  it("reads bDS's own form, quotes inside a caption included", () => {
    const { data, problems } = parseSidecar(bdsWritten)
    expect(problems).toEqual([])
    expect(data).toEqual({
      id: '3b94f5d1-91f5-4c9b-a8d4-6f3bf8f045cf',
      originalName: 'IMG_0912.JPG',
      mimeType: 'image/jpeg',
      size: 48213,
      width: 1600,
      height: 1200,
      title: 'Strand',
      alt: 'Blaues Meer',
      caption: 'Sie sagte "Hallo", dann ging sie',
      createdAt: '2025-05-03T09:12:00.000Z',
      updatedAt: '2025-05-04T10:00:00.000Z',
      tags: ['meer', 'sommer'],
      linkedPostIds: ['post-1', 'post-2'],
    })
  })

  it('reads valid YAML: single quotes, block lists, CRLF line ends', () => {
    const yaml = [
      'id: "m1"',
      "originalName: 'it''s.png'",
      'mimeType: "image/png"',
      'tags:',
      '  - one',
      "  - 'two'",
      'linkedPostIds: []',
      'title: "a: b"',
    ].join('\r\n')
    const { data, problems } = parseSidecar(`${yaml}\r\n`)
    expect(problems).toEqual([])
    expect(data).toMatchObject({ id: 'm1', originalName: "it's.png", title: 'a: b' })
    expect(data.tags).toEqual(['one', 'two'])
    expect(data.linkedPostIds).toEqual([])
  })

  it('does not unescape: bDS never escaped what it wrote', () => {
    expect(sidecarScalar('"C:\\new \\"x\\""')).toBe('C:\\new \\"x\\"')
    expect(sidecarScalar('  plain  ')).toBe('plain')
    expect(sidecarScalar('"')).toBe('')
  })

  it('splits lists on commas and drops every double quote, as bDS does', () => {
    expect(parseSidecar('tags: ["a, b", "c"]').data.tags).toEqual(['a', 'b', 'c'])
    expect(parseSidecar('linkedPostIds: single').data.linkedPostIds).toEqual(['single'])
  })

  it('reports what bDS would reject, at the line of the key or line 1', () => {
    const { problems, lines } = parseSidecar('---\nid:\ntitle: "x"\n---')
    expect(lines.get('id')).toBe(2)
    expect(problems).toEqual([
      { message: 'has no id; bDS would not import it', line: 2 },
      { message: 'has no originalName; bDS would not import it', line: 1 },
      { message: 'has no mimeType; bDS would not import it', line: 1 },
    ])
  })

  it('ignores unknown keys, lines without a colon and a bad number', () => {
    const { data } = parseSidecar('foo: bar\njust text\nwidth: wide\nid: x')
    expect(data).toEqual({ id: 'x', width: undefined, tags: [], linkedPostIds: [] })
  })
})
