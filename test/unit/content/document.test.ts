import { describe, expect, it } from 'vitest'
import { createPost } from '../../../src/content/index.js'
import { isBdsError } from '../../../src/errors/index.js'

const d = { timezone: 'Europe/Berlin', author: 'Site Author', language: 'en' }

function fail(source: string, file = 'posts/x.md') {
  try {
    createPost(source, file, 'post', d)
  } catch (error) {
    if (isBdsError(error)) return error
    throw error
  }
  throw new Error('expected an error')
}

describe('createPost', () => {
  it('normalises common SSG front matter', () => {
    const post = createPost(
      '---\ntitle: Hello\ndate: 2024-03-05 09:30\ntags: [a, " b ", a, 3]\ncategories: [notes]\n---\n\nBody *here*.\n',
      'posts/2024/03/hello-world.md',
      'post',
      d,
    )
    expect(post).toMatchObject({
      kind: 'post',
      title: 'Hello',
      slug: 'hello-world',
      status: 'published',
      tags: ['a', 'b', '3'],
      categories: ['notes'],
      author: 'Site Author',
      language: 'en',
      bodyLine: 7,
      dated: true,
    })
    expect(post.date.toISOString()).toBe('2024-03-05T08:30:00.000Z')
    expect(post.updated).toEqual(post.date)
    expect(post.body).toBe('\nBody *here*.\n')
  })

  it('reads bDS front matter', () => {
    const post = createPost(
      '---\nid: 3b0e\ntitle: Ein Tag\nslug: ein-tag-am-meer\nstatus: archived\ncreatedAt: 2025-05-03T08:15:00.000Z\nupdatedAt: 2025-05-04T10:00:00.000Z\npublishedAt: 2025-05-03T08:20:00.000Z\ntags:\n  - Reisen\ncategories:\n  - article\nauthor: Grete\nlanguage: de\ntemplateSlug: post\n---\nText\n',
      'posts/2025/05/x.md',
      'post',
      d,
    )
    expect(post).toMatchObject({
      id: '3b0e',
      slug: 'ein-tag-am-meer',
      status: 'archived',
      author: 'Grete',
      language: 'de',
      template: 'post',
    })
    expect(post.date.toISOString()).toBe('2025-05-03T08:15:00.000Z')
    expect(post.updated.toISOString()).toBe('2025-05-04T10:00:00.000Z')
    expect(post.published?.toISOString()).toBe('2025-05-03T08:20:00.000Z')
  })

  it('treats draft: true and status: draft as drafts', () => {
    expect(
      createPost('---\ndate: 2024-01-01\ndraft: true\n---\n', 'posts/a.md', 'post', d).status,
    ).toBe('draft')
    expect(
      createPost('---\ndate: 2024-01-01\nstatus: draft\n---\n', 'posts/a.md', 'post', d).status,
    ).toBe('draft')
  })

  it('takes date and slug from a Jekyll-style file name', () => {
    const post = createPost(
      'No front matter at all.\n',
      'posts/2024-06-01-summer-ride.md',
      'post',
      d,
    )
    expect(post).toMatchObject({
      slug: 'summer-ride',
      title: 'No front matter at all.',
      untitled: true,
      bodyLine: 1,
    })
    expect(post.date.toISOString()).toBe('2024-05-31T22:00:00.000Z')
  })

  it('makes a post in category page a standalone page', () => {
    const post = createPost(
      '---\ntitle: Now\ndate: 2024-01-01\ncategories: [page, Misc]\n---\n',
      'posts/now.md',
      'post',
      d,
    )
    expect(post).toMatchObject({ kind: 'page', categories: ['Misc'] })
  })

  it('lets pages go without a date', () => {
    const page = createPost('---\ntitle: About\n---\nHi\n', 'pages/about.md', 'page', d)
    expect(page).toMatchObject({ kind: 'page', dated: false, slug: 'about' })
  })

  it('pins errors to the key line', () => {
    expect(fail('---\ntitle: x\ndate: 2024-02-30\n---\n')).toMatchObject({
      code: 'BDS_FRONTMATTER_INVALID',
      pos: { file: 'posts/x.md', line: 3, column: 1 },
    })
    expect(fail('---\ntitle: x\ndate: 2024-02-01\ntags: a, b\n---\n')).toMatchObject({
      code: 'BDS_FRONTMATTER_INVALID',
      pos: { line: 4 },
    })
    expect(fail('---\ntitle: x\ndate: 2024-02-01\nstatus: live\n---\n').message).toContain(
      'draft, published, archived',
    )
    expect(fail('---\ntitle: x\n---\nno date\n')).toMatchObject({
      code: 'BDS_FRONTMATTER_INVALID',
      pos: { line: 1 },
    })
    expect(fail('---\ntitle: x\ndate: 2024-02-01\nslug: "!!!"\n---\n')).toMatchObject({
      pos: { line: 4 },
    })
  })

  it('reports YAML syntax errors with the file line and column', () => {
    const e = fail('---\ntitle: ok\nbad: [1, 2\n---\nbody\n')
    expect(e).toMatchObject({ code: 'BDS_FRONTMATTER_YAML', pos: { line: 4, column: 1 } })
    const tab = fail('---\ntitle: ok\n  nested: wrong\n---\n')
    expect(tab).toMatchObject({ code: 'BDS_FRONTMATTER_YAML', pos: { line: 3 } })
  })

  it('reports unclosed front matter and non-mapping front matter', () => {
    expect(fail('---\ntitle: x\n\nbody\n')).toMatchObject({
      code: 'BDS_FRONTMATTER_UNCLOSED',
      pos: { line: 1 },
    })
    expect(fail('---\n- a\n- b\n---\n')).toMatchObject({ code: 'BDS_FRONTMATTER_INVALID' })
  })

  it('keeps dates as text in YAML so the timezone applies, and ignores a BOM', () => {
    const post = createPost('\uFEFF---\ndate: 2024-03-05\n---\n', 'posts/b.md', 'post', {
      ...d,
      timezone: 'UTC',
    })
    expect(post.date.toISOString()).toBe('2024-03-05T00:00:00.000Z')
  })
})
