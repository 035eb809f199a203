// What bds prints is inert on a terminal (#19, point 7): control characters other than the
// line break and the tab are shown as \xHH; a CRLF line ending stays a line break.

import { describe, expect, it } from 'vitest'
import { inert } from '../../../src/cli/inert.js'

describe('inert', () => {
  it('escapes C0, DEL and C1 controls; keeps line breaks, tabs and other text', () => {
    expect(inert('\u001b[2Jclear')).toBe('\\x1b[2Jclear')
    expect(inert('\u001b]52;c;ZXZpbA==\u0007')).toBe('\\x1b]52;c;ZXZpbA==\\x07')
    expect(inert('fake\rBuilt')).toBe('fake\\x0dBuilt')
    expect(inert('a\r\nb\n\tc')).toBe('a\nb\n\tc')
    expect(inert('\u0000\u007f\u009b31m')).toBe('\\x00\\x7f\\x9b31m')
    expect(inert('plain — ünïcode ✓')).toBe('plain — ünïcode ✓')
  })
})
