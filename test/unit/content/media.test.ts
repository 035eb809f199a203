// loadMedia on real files in a temp folder: bDS sidecars (read line by line as bDS's
// MediaEngine.readSidecarFile does), incomplete sidecars, front matter images.

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
---
id: late
originalName: "late.jpg"
mimeType: image/jpeg
linkedPostIds: ["a"]
createdAt: 2024-06-10 08:00
---
-- media/undated.gif --
gif
-- media/undated.gif.meta --
id: u
originalName: undated.gif
mimeType: image/gif
title: 2024
-- media/no-sidecar.png --
png
`)
    expect(diagnostics).toEqual([])
    expect(items).toEqual([
      {
        url: '/media/2024/06/late.jpg',
        file: 'media/2024/06/late.jpg',
        id: 'late',
        mimeType: 'image/jpeg',
        originalName: 'late.jpg',
        linkedPostIds: ['a'],
        createdAt: new Date('2024-06-10T08:00:00Z'),
      },
      {
        url: '/media/2024/05/sun%20rise.png',
        file: 'media/2024/05/sun rise.png',
        id: '12e3094e',
        mimeType: 'image/png',
        title: 'Sunrise',
        alt: 'Sun over the sea',
        caption: 'Nine in the morning',
        originalName: 'IMG_0912.png',
        linkedPostIds: ['a', 'b'],
        createdAt: new Date('2024-05-03T09:12:00Z'),
      },
      {
        url: '/media/undated.gif',
        file: 'media/undated.gif',
        id: 'u',
        originalName: 'undated.gif',
        mimeType: 'image/gif',
        title: '2024',
        linkedPostIds: [],
      },
    ])
  })

  it('keeps sidecars bDS would reject, with a warning naming the file and line', async () => {
    const { items, diagnostics } = await load(`
-- media/bad.png --
png
-- media/bad.png.meta --
id: b
originalName: "bad.png"
mimeType:
caption: "unclosed
-- media/orphan.png.meta --
title: no file
-- media/when.png --
png
-- media/when.png.meta --
id: w
originalName: when.png
mimeType: image/png
createdAt: someday
`)
    expect(items.map((i) => [i.url, i.caption, i.createdAt])).toEqual([
      ['/media/bad.png', '"unclosed', undefined],
      ['/media/when.png', undefined, undefined],
    ])
    expect(diagnostics).toMatchObject([
      {
        code: 'BDS_MEDIA_SIDECAR',
        severity: 'warning',
        pos: { file: 'media/bad.png.meta', line: 3, column: 1 },
        message: 'The media sidecar media/bad.png.meta has no mimeType; bDS would not import it.',
      },
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
id: y
originalName: y.png
mimeType: image/png
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
