import { describe, expect, it } from 'vitest'
import { JsonSyntaxError, parseJsonWithPositions } from '../../../src/util/json-source.js'

describe('parseJsonWithPositions', () => {
  it('parses like JSON.parse and records key positions', () => {
    const text = '{\n  "a": 1,\n  "b": {"c": [true, null, "x"]},\n  "d\\"e": -2.5e3\n}'
    const { value, positions } = parseJsonWithPositions(text)
    expect(value).toEqual(JSON.parse(text))
    expect(positions.get('/a')).toEqual({ line: 2, column: 3 })
    expect(positions.get('/b/c')).toEqual({ line: 3, column: 9 })
    expect(positions.get('/b/c/2')).toEqual({ line: 3, column: 27 })
    expect(positions.get('/d"e')).toEqual({ line: 4, column: 3 })
  })

  it.each([
    ['{"a": 1,}', 1, 9, 'a property name'],
    ['{"a" 1}', 1, 6, '":"'],
    ['[1 2]', 1, 4, '"," or "]"'],
    ['{"a": tru}', 1, 7, 'a JSON value'],
    ['{"a": "x', 1, 7, 'closing quote'],
    ['{}\n{}', 2, 1, 'end of the file'],
  ])('reports %j at %i:%i', (text, line, column, words) => {
    try {
      parseJsonWithPositions(text)
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(JsonSyntaxError)
      expect((error as JsonSyntaxError).pos).toEqual({ line, column })
      expect((error as Error).message).toContain(words)
    }
  })
})
