// flatten() gives back the same text (what it saves is measured by `npm run bench`: peak
// memory of the large corpora).

import { describe, expect, it } from 'vitest'
import { flatten } from '../../../src/util/flatten.js'

const pieces = (i: number) => {
  let s = ''
  for (let j = 0; j < 50; j++) s += `<p>${i}-${j} ü</p>`
  return s
}

describe('flatten', () => {
  it('returns the same text', () => {
    const text = pieces(1)
    expect(flatten(text)).toBe(text)
    expect(flatten('')).toBe('')
    expect(flatten('\ud800 lone surrogate')).toBe('\ud800 lone surrogate')
  })
})
