import { describe, expect, it } from 'vitest'
import { codeFrame } from '../../src/errors/index.js'

describe('codeFrame', () => {
  it('shows the lines around the position with a caret', () => {
    expect(codeFrame('a\nbb\nccc\ndddd\ne', 3, 2)).toBe(
      ['  1 | a', '  2 | bb', '> 3 | ccc', '    |  ^', '  4 | dddd', '  5 | e'].join('\n'),
    )
  })

  it('cuts long lines to a window that keeps the caret under its column', () => {
    const long = `${'x'.repeat(500)}Y${'z'.repeat(1_000_000)}`
    const frame = codeFrame(long, 1, 501)
    const [text, caret] = frame.split('\n') as [string, string]
    expect(text.length).toBeLessThan(130)
    expect(text.indexOf('Y')).toBe(caret.indexOf('^'))
  })
})
