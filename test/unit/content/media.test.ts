// loadMedia on real files in a temp folder: bDS sidecars, broken sidecars, front matter images.

import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createPost, loadMedia } from '../../../src/content/index.js'
import { nodeFs } from '../../../src/util/fs.js'
import { inlineSite } from '../../helpers/site.js'

const defaults = { timezone: 'UTC', author: 'Ada', language: 'en' }
const post = (file: string, frontMatter: string) =>
  createPost(`---\n${frontMatter}\n---\nBody.\n`, file, 'post', defaults)

async function load(txtar: string, posts = [post('posts/a.md', 'id: a\ndate: 2024-06-01')]) {
  const root = inlineSite(txtar)
  const result = await loadMedia(root, join(root, 'media'), posts, nodeFs)
  const diagnostics = result.diagnostics.map((d) => ({
    code: d.code,
    severity: d.severity,
    pos: d.pos,
    message: d.message,
  }))
  return { items: result.items, diagnostics }
}

describe('loadMedia', () => {
  it('reads bDS sidecars into media items, newest first, undated last', async () => {
    const { items, diagnostics } = await load(`
-- media/2024/05/sun rise.png --
png
-- media/2024/05/sun rise.png.meta --
id: "12e3094e"
originalName: "IMG_0912.png"
mimeType: "image/png"
title: "Sunrise"
alt: "Sun over the sea"
caption: "Nine in the morning"
linkedPostIds: ["a", "b"]
createdAt: "2024-05-03T09:12:00.000Z"
-- media/2024/06/late.jpg --
jpg
-- media/2024/06/late.jpg.meta --
linkedPostIds: a
createdAt: 2024-06-10 08:00
-- media/undated.gif --
gif
-- media/undated.gif.meta --
title: 2024
-- media/no-sidecar.png --
png
`)
    expect(diagnostics).toEqual([])
    expect(items).toEqual([
      {
        url: '/media/2024/06/late.jpg',
        file: 'media/2024/06/late.jpg',
        linkedPostIds: ['a'],
        createdAt: new Date('2024-06-10T08:00:00Z'),
      },
      {
        url: '/media/2024/05/sun%20rise.png',
        file: 'media/2024/05/sun rise.png',
        mimeType: 'image/png',
        title: 'Sunrise',
        alt: 'Sun over the sea',
        caption: 'Nine in the morning',
        originalName: 'IMG_0912.png',
        linkedPostIds: ['a', 'b'],
        createdAt: new Date('2024-05-03T09:12:00Z'),
      },
      { url: '/media/undated.gif', file: 'media/undated.gif', title: '2024', linkedPostIds: [] },
    ])
  })

  it('skips broken sidecars with a warning at the YAML error', async () => {
    const { items, diagnostics } = await load(`
-- media/bad.png --
png
-- media/bad.png.meta --
title: ok
alt: "unclosed
-- media/list.png --
png
-- media/list.png.meta --
- a
- b
-- media/orphan.png.meta --
title: no file
-- media/when.png --
png
-- media/when.png.meta --
createdAt: someday
`)
    expect(items.map((i) => [i.url, i.createdAt])).toEqual([['/media/when.png', undefined]])
    expect(diagnostics).toMatchObject([
      {
        code: 'BDS_FRONTMATTER_YAML',
        severity: 'warning',
        pos: { file: 'media/bad.png.meta', line: 3, column: 1 },
        message: expect.stringContaining('media/bad.png.meta is not valid YAML'),
      },
      { code: 'BDS_FRONTMATTER_INVALID', pos: { file: 'media/list.png.meta', line: 1 } },
      {
        code: 'BDS_FRONTMATTER_INVALID',
        message: expect.stringContaining('orphan.png, which is missing'),
      },
      {
        code: 'BDS_FRONTMATTER_INVALID',
        message: expect.stringContaining('not a date: "someday"'),
      },
    ])
  })

  it('adds front matter images, linked to their post and dated like it', async () => {
    const posts = [
      post(
        'posts/a.md',
        'id: a\ndate: 2024-06-01\nimages:\n  - media/x.png\n  - src: /media/y.png\n    alt: Y',
      ),
      post(
        'posts/b.md',
        'id: b\ndate: 2024-07-01\nimages: [/media/x.png, "https://cdn.example/z.webp"]',
      ),
      post(
        'posts/c.md',
        'title: C\ndate: 2024-08-01\n\nimages: [javascript:alert(1), {alt: no src}]',
      ),
    ]
    const { items, diagnostics } = await load(
      `
-- media/y.png --
png
-- media/y.png.meta --
title: Why
linkedPostIds: []
createdAt: 2023-01-01
`,
      posts,
    )
    expect(items).toMatchObject([
      { url: 'https://cdn.example/z.webp', file: 'posts/b.md', linkedPostIds: ['b'] },
      { url: '/media/x.png', file: 'posts/a.md', linkedPostIds: ['a', 'b'] },
      { url: '/media/y.png', file: 'media/y.png', title: 'Why', linkedPostIds: ['a'] },
    ])
    expect(items[1]?.createdAt).toEqual(new Date('2024-06-01T00:00:00Z'))
    expect(diagnostics).toMatchObject([
      {
        code: 'BDS_FRONTMATTER_INVALID',
        pos: { file: 'posts/c.md', line: 5 },
        message: /images\[0\]/,
      },
      {
        code: 'BDS_FRONTMATTER_INVALID',
        pos: { file: 'posts/c.md', line: 5 },
        message: /images\[1\]/,
      },
    ])
  })

  it('returns nothing for a site without media', async () => {
    expect(await load('-- posts/a.md --\nx\n')).toEqual({ items: [], diagnostics: [] })
  })
})
