// The post dict a bDS Python macro receives, key for key as bDS's serializePostDataForMacro
// builds it (rfc1437/bDS src/main/engine/PageRenderer.ts; issue 12, item 9).

import { describe, expect, it } from 'vitest'
import { createPost } from '../../../src/content/index.js'
import { macroPostData } from '../../../src/content/macro-post.js'

const defaults = { timezone: 'UTC', author: 'Default Author', language: 'de' }

describe('macroPostData', () => {
  it("passes every key bDS passes, with bDS's values", () => {
    const post = createPost(
      [
        '---',
        'id: 8d693d53',
        'title: Hallo Welt',
        'slug: hallo-welt',
        'status: published',
        "createdAt: '2025-03-02T09:00:00.000Z'",
        "updatedAt: '2025-03-02T09:45:00.000Z'",
        "publishedAt: '2025-03-02T09:05:00.000Z'",
        'tags:',
        '  - Technik',
        'categories:',
        '  - article',
        'excerpt: Kurz',
        'author: Grete',
        '---',
        'Text with [[word_count]].',
        '',
      ].join('\n'),
      'posts/2025/03/hallo-welt.md',
      'post',
      defaults,
    )
    expect(macroPostData(post, 'proj-1')).toEqual({
      id: '8d693d53',
      projectId: 'proj-1',
      title: 'Hallo Welt',
      slug: 'hallo-welt',
      excerpt: 'Kurz',
      content: 'Text with [[word_count]].\n',
      status: 'published',
      author: 'Grete',
      createdAt: '2025-03-02T09:00:00.000Z',
      updatedAt: '2025-03-02T09:45:00.000Z',
      publishedAt: '2025-03-02T09:05:00.000Z',
      tags: ['Technik'],
      categories: ['article'],
    })
  })

  it('gives null author, excerpt and publishedAt when the file has none, and keeps page', () => {
    const post = createPost(
      '---\nid: p\ntitle: ""\nprojectId: old-project\ncategories: [page]\ncreatedAt: 2025-06-01\n---\nx\n',
      'posts/2025/06/impressum.md',
      'post',
      defaults,
    )
    expect(macroPostData(post)).toMatchObject({
      projectId: 'old-project',
      title: '',
      author: null,
      excerpt: null,
      publishedAt: null,
      categories: ['page'],
      tags: [],
    })
    expect(post.author).toBe('Default Author')
  })
})
