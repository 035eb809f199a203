// Bodies a render worker reads from a file (build/body-file.ts): every body comes back as it
// was written — any text, any size, across the chunks it was written in — and a post view
// that reads its body when shown looks exactly like one that holds it, to templates, JSON and
// loops alike.

import { statSync } from 'node:fs'
import { dirname } from 'node:path'
import { Liquid } from 'liquidjs'
import { describe, expect, it } from 'vitest'
import { type BodyFile, openBodyFile, shareBodies } from '../../../src/build/body-file.js'
import { createPost } from '../../../src/content/index.js'
import { type LazyBody, postView } from '../../../src/site/index.js'

/** Shares `list` through a file (fails the test when it crossed as text). */
function share(list: typeof bodies) {
  const { file, remove } = shareBodies(list)
  if (!('path' in file)) throw new Error('the bodies were not written to a file')
  const read = openBodyFile(file)
  return { file: file as BodyFile, remove, read, lazy: read.bodies as LazyBody[] }
}

const big = 'x'.repeat((1 << 20) + 17)
const bodies = [
  { html: '<p>Café, 日本, 😀</p>', excerpt: '<p>Café</p>' },
  { html: '', excerpt: '' },
  ...Array.from({ length: 300 }, (_, i) => ({ html: `<p>${'é'.repeat(i * 37)}</p>`, excerpt: '' })),
  { html: big, excerpt: '<p>x</p>' },
  { html: '<p>last</p>', excerpt: '<p>last</p>' },
]

describe('the body file', () => {
  it('gives back every body as written, then goes', () => {
    const { file, remove, read, lazy } = share(bodies)
    expect(statSync(file.path).mode & 0o777).toBe(0o600)
    expect(lazy.map((b) => b.excerpt)).toEqual(bodies.map((b) => b.excerpt))
    // Out of order, as pages read them.
    for (const i of [bodies.length - 1, 0, 301, 1, 150, 302])
      expect(lazy[i]?.html()).toBe(bodies[i]?.html)
    read.close()
    expect(() => lazy[0]?.html()).toThrow(/after its pages were rendered/)
    expect(lazy[1]?.html()).toBe('')
    remove()
    expect(() => statSync(dirname(file.path))).toThrow()
  })

  it('makes views that show what a view holding the body shows', () => {
    const post = createPost(
      '---\ntitle: T\ndate: 2024-01-02\ntags: [a]\n---\nBody\n',
      'posts/t.md',
      'post',
      { timezone: 'UTC', author: '', language: 'en' },
    )
    const c = { termName: (_k: string, n: string) => n, hasTerm: () => true, taxonomies: [] }
    const html = '<p>Café 😀</p>'
    const eager = postView({ post, url: '/t/', html, excerpt: '' }, 'https://x.example', c)
    const { remove, read, lazy: bodies } = share([{ html, excerpt: '' }])
    const lazy = postView({ post, url: '/t/', ...(bodies[0] as LazyBody) }, 'https://x.example', c)
    expect(JSON.stringify(lazy)).toBe(JSON.stringify(eager))
    expect(Object.entries(lazy)).toEqual(Object.entries(eager))
    const template =
      '{{ post.content }}|{{ post.content.size }}|{{ post | json }}|{% for f in post %}{{ f[0] }},{% endfor %}'
    const liquid = new Liquid()
    expect(liquid.parseAndRenderSync(template, { post: lazy })).toBe(
      liquid.parseAndRenderSync(template, { post: eager }),
    )
    read.close()
    remove()
  })

  it('lets the bodies cross as text when no temporary file can be written', () => {
    const was = process.env.TMPDIR
    process.env.TMPDIR = '/nonexistent/bds-test'
    try {
      const { file, remove } = shareBodies(bodies)
      expect(file).toBe(bodies)
      expect(openBodyFile(file).bodies).toBe(bodies)
      remove()
    } finally {
      if (was === undefined) delete process.env.TMPDIR
      else process.env.TMPDIR = was
    }
  })
})
