import { describe, expect, it } from 'vitest'
import { codeFrame, diagnosticFrame, sourceLines } from '../../src/errors/index.js'

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

describe('sourceLines', () => {
  const lines = sourceLines('ab\r\ncd\n\nef')
  it('locates offsets by line start and gives each line without its break', () => {
    expect(lines.count).toBe(4)
    expect(lines.locate(0)).toEqual({ line: 1, column: 1 })
    expect(lines.locate(5)).toEqual({ line: 2, column: 2 })
    expect(lines.locate(7)).toEqual({ line: 3, column: 1 })
    expect(lines.locate(99)).toEqual({ line: 4, column: 3 })
    expect([1, 2, 3, 4, 5].map((n) => lines.line(n))).toEqual(['ab', 'cd', '', 'ef', ''])
  })
})

describe('diagnosticFrame', () => {
  const d = { severity: 'error', code: 'BDS_USAGE', message: 'm', hint: 'h' } as const
  it('takes the text from the caller, once per file, and reads no file itself', () => {
    const asked: string[] = []
    const sources = (file: string) => {
      asked.push(file)
      return file === 'posts/a.md' ? 'one\ntwo\nthree' : undefined
    }
    expect(diagnosticFrame({ ...d, file: 'posts/a.md', line: 2, column: 2 }, sources)).toBe(
      ['  1 | one', '> 2 | two', '    |  ^', '  3 | three'].join('\n'),
    )
    expect(diagnosticFrame({ ...d, file: '/etc/passwd', line: 1 }, sources)).toBeUndefined()
    expect(diagnosticFrame({ ...d, file: 'posts/a.md', line: 9 }, sources)).toBeUndefined()
    expect(diagnosticFrame({ ...d, file: 'bds:templates/x', line: 1 }, sources)).toBeUndefined()
    expect(asked).toEqual(['posts/a.md', '/etc/passwd', 'posts/a.md'])
  })
})
