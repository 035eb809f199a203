// Macro positions count from the top of the file, front matter included, and columns point
// at the `[[` even inside lists, quotes and tables.

import { describe, expect, it } from 'vitest'
import { createPost } from '../../../src/content/index.js'
import type { MacroEnv } from '../../../src/macros/index.js'
import { createMarkdown } from '../../../src/render/index.js'

const md = createMarkdown({ linkify: false, typographer: false })

function positions(source: string) {
  const post = createPost(source, 'posts/2024-01-01-p.md', 'post', {
    timezone: 'UTC',
    author: '',
    language: 'en',
  })
  const env: MacroEnv = { bds: { file: post.file, bodyLine: post.bodyLine, calls: [], errors: [] } }
  md.parse(post.body, env)
  const bds = env.bds as NonNullable<MacroEnv['bds']>
  return {
    calls: bds.calls.map(
      (c) => `${c.name} ${c.pos.line}:${c.pos.column}${c.block ? ' block' : ''}`,
    ),
    errors: bds.errors.map((e) => `${e.pos.line}:${e.pos.column}`),
  }
}

describe('macro positions', () => {
  it('counts lines from the top of the file, front matter included', () => {
    const source = [
      '---', // 1
      'title: Positions', // 2
      'date: 2024-01-01', // 3
      '---', // 4
      '', // 5
      '[[first]]', // 6
      '', // 7
      'Some text and [[second a=1]] inline,', // 8
      'then [[third', // 9
      '  b=2]] across lines.', // 10
      '', // 11
      '- item', // 12
      '- item with [[fourth]]', // 13
      '', // 14
      '> quoted [[fifth]]', // 15
      '', // 16
      '| a | b |', // 17
      '| - | - |', // 18
      '| x | [[sixth]] |', // 19
      '', // 20
      '## Heading [[seventh]]', // 21
      '', // 22
      '    [[not-code]] [[indented]]', // 23: indented code, no macro
      '', // 24
      'bad [[eighth t="open', // 25
    ].join('\n')
    expect(positions(source)).toEqual({
      calls: [
        'first 6:1 block',
        'second 8:15',
        'third 9:6',
        'fourth 13:13',
        'fifth 15:10',
        'sixth 19:7',
        'seventh 21:12',
      ],
      errors: ['25:16'],
    })
  })

  it('works for a file without front matter', () => {
    expect(positions('\n\n  [[m]]\n').calls).toEqual(['m 3:3 block'])
  })
})
