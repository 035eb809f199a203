// Which changed paths are site inputs, and of which kind (#8).

import { describe, expect, it } from 'vitest'
import { classify, isInput } from '../../../src/watch/classify.js'

describe('classify', () => {
  it('sorts paths into kinds of change', () => {
    expect(
      classify([
        'posts/2024/a.md',
        'pages/about.md',
        'templates/post.liquid',
        'scripts/x.py',
        'media/a.png',
        'static/robots.txt',
        'bds.config.json',
      ]),
    ).toEqual({
      config: true,
      content: ['posts/2024/a.md', 'pages/about.md'],
      templates: true,
      scripts: true,
      media: true,
      static: true,
    })
    expect(classify(['meta/project.json'])?.config).toBe(true)
    expect(classify(['posts'])?.content).toEqual(['posts'])
  })

  it('ignores the output, caches, dotfiles and other folders', () => {
    for (const path of [
      'dist/index.html',
      '.bds/build.db',
      'posts/.a.md.swp',
      '.git/HEAD',
      'node_modules/x/y.js',
      'README.md',
    ])
      expect(isInput(path), path).toBe(false)
    expect(classify(['dist/index.html', 'posts/.#a.md'])).toBeUndefined()
    for (const path of ['', 'meta', 'posts', 'templates/partials/x.liquid'])
      expect(isInput(path), path).toBe(true)
  })
})
