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
        'data/authors.yaml',
        'bds.config.json',
      ]),
    ).toEqual({
      config: true,
      content: ['posts/2024/a.md', 'pages/about.md'],
      templates: true,
      scripts: true,
      media: true,
      static: true,
      data: true,
    })
    expect(classify(['data/links.json'])).toMatchObject({ data: true, config: false })
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
    for (const path of ['', 'meta', 'posts', 'data', 'templates/partials/x.liquid'])
      expect(isInput(path), path).toBe(true)
  })

  it("ignores editors' temporary files and folders", () => {
    // #14: a save in Vim, Emacs, Kate or a JetBrains IDE must not trigger extra rebuilds.
    for (const path of [
      'posts/a.md~',
      'posts/#a.md#',
      'posts/.#a.md',
      'posts/.a.md.swp',
      'posts/.a.md.swx',
      'posts/.a.md.swo',
      'posts/4913',
      'templates/.post.liquid.kate-swp',
      'posts/a.md___jb_tmp___',
      'posts/a.md___jb_old___',
      'posts/a.md.tmp',
      'static/x.css.crswap',
      '.idea/workspace.xml',
      '.vscode/settings.json',
      'posts/.idea/x',
    ])
      expect(isInput(path), path).toBe(false)
    for (const path of ['posts/a.md', 'posts/4913-notes.md', 'static/tmp/x.css', 'posts/a~b.md'])
      expect(isInput(path), path).toBe(true)
  })
})
