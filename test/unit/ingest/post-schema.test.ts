// What a transform may return (issue #7, rule 3): a post dict valid under the JSON Schema,
// cleaned like the bookmark; anything else is refused with reasons that name the key.

import { describe, expect, it } from 'vitest'
import { checkPost } from '../../../src/ingest/index.js'

const post = { title: 'T', content: 'Body\n', tags: ['a'], categories: [] }
const problems = (value: unknown) => {
  const r = checkPost(value, 'UTC')
  if (r.ok) throw new Error(`accepted ${JSON.stringify(value)}`)
  return r.problems
}

describe('checkPost', () => {
  it('accepts a post and cleans it like the bookmark', () => {
    const r = checkPost(
      {
        title: `  ${'x'.repeat(300)}\u0000 `,
        content: 'a\r\nb\u0007',
        tags: [' a ', 'A', ''],
        categories: ['c'],
        slug: 'My Slug!',
        date: '2024-03-05 09:30',
        extra: { language: 'de', excerpt: 'E', zeta: [1], author: 'Ann' },
      },
      'UTC',
    )
    expect(r).toEqual({
      ok: true,
      post: {
        title: 'x'.repeat(200),
        content: 'a\nb\n',
        tags: ['a'],
        categories: ['c'],
        slug: 'my-slug',
        date: '2024-03-05 09:30',
        extra: { author: 'Ann', excerpt: 'E', language: 'de', zeta: [1] },
      },
    })
  })

  it('treats None for slug, date and extra as not given', () => {
    expect(checkPost({ ...post, slug: null, date: null, extra: null }, 'UTC')).toEqual({
      ok: true,
      post,
    })
  })

  it.each([
    [[1, 2], 'returned a list, not a post dict or None'],
    [42, 'returned a number (42), not a post dict or None'],
    ['text', 'returned a string ("text"), not a post dict or None'],
    [true, 'returned a boolean (true), not a post dict or None'],
  ])('refuses garbage: %j', (value, message) => {
    expect(problems(value)).toEqual([message])
  })

  it('names every missing, extra or mistyped key', () => {
    expect(problems({ title: 5, content: 'c', tags: 'a', categories: [1], url: 'x' })).toEqual([
      'post has the key "url", which is not one of title, content, tags, categories, slug, date, extra',
      'post.title must be a string',
      'post.tags must be a list',
      'post.categories[0] must be a string',
    ])
    expect(problems({ title: 'T' })).toEqual([
      "post must have required property 'content'",
      "post must have required property 'tags'",
      "post must have required property 'categories'",
    ])
  })

  it('refuses extra keys that bds writes itself or that are not front matter keys', () => {
    expect(problems({ ...post, extra: { status: 'published' } })).toEqual([
      'post.extra has the key "status", which bds writes itself or is not a front matter key',
    ])
    expect(problems({ ...post, extra: { 'a b': 1 } })).toHaveLength(1)
    expect(problems({ ...post, extra: { excerpt: 5 } })).toEqual([
      'post.extra.excerpt must be a string',
    ])
  })

  it('refuses an empty title, a slug without letters and a date that is not one', () => {
    expect(problems({ ...post, title: ' \n ' })).toEqual(['post.title is empty'])
    expect(problems({ ...post, slug: '!!!' })).toEqual(['post.slug "!!!" has no letters or digits'])
    expect(problems({ ...post, date: '2024-02-30' })[0]).toMatch(
      /^post.date "2024-02-30" is not a date/,
    )
  })
})
