// Rendered Markdown in the build cache (#16): a first build (an empty cache) finds a body it
// rendered again by its text (a second language tree) and stores it only when it settles; the
// next build takes it from the file. Real SQLite, in memory.

import { describe, expect, it } from 'vitest'
import { createBodyCache } from '../../../src/build/steps/body-cache.js'
import { createBuildCache, openCacheFile } from '../../../src/cache/index.js'
import { createPost } from '../../../src/content/index.js'
import { createMarkdown } from '../../../src/render/index.js'

const options = { linkify: false, typographer: false }
const md = createMarkdown(options)
const defaults = { timezone: 'UTC', author: '', language: 'en' }
const post = (file: string, body: string) =>
  createPost(`---\ntitle: T\ndate: 2024-01-01\n---\n${body}\n`, file, 'post', defaults)

describe('rendered Markdown in the build cache', () => {
  it('is found again by its text in a first build, and stored when the build settles', async () => {
    const db = openCacheFile('', ':memory:')
    const first = createBuildCache(db)
    const bodies = createBodyCache(first, options)
    const a = post('posts/a.md', 'Plain *text*.')
    const text = 'Before [[stars n=3]] after.'
    const calls = post('posts/b.md', text)
    expect(bodies.known(a)).toBe(false)
    expect(bodies.html(a.body)).toBeUndefined()
    bodies.putHtml(a.body, '<p>Plain <em>text</em>.</p>\n')
    expect(bodies.html(a.body)).toBe('<p>Plain <em>text</em>.</p>\n')
    const rendered = bodies.placeholders(md, calls)
    // In another file at another line: the calls take that file's positions.
    const moved = createPost(
      `---\ntitle: T\ndate: 2024-01-01\nlang: de\nslug: b\n---\n${text}\n`,
      'posts/b.de.md',
      'post',
      defaults,
    )
    const again = bodies.placeholders(md, moved)
    expect(again.html).toBe(rendered.html)
    expect(again.calls[0]?.pos).toEqual({ file: 'posts/b.de.md', line: moved.bodyLine, column: 8 })
    expect(first.report().markdown).toEqual({ cached: 2, computed: 2 })
    expect(db.empty()).toBe(true)
    await first.settle()
    first.finish(true)
    expect(db.empty()).toBe(false)

    const warm = createBuildCache(db)
    const next = createBodyCache(warm, options)
    expect(next.known(a)).toBe(true)
    expect(next.known(calls)).toBe(true)
    expect(next.html(a.body)).toBe('<p>Plain <em>text</em>.</p>\n')
    expect(next.placeholders(md, calls).html).toBe(rendered.html)
    expect(warm.report().markdown).toEqual({ cached: 2, computed: 0 })
  })

  it('keeps nothing without a cache file (--no-cache)', async () => {
    const none = createBuildCache()
    const bodies = createBodyCache(none, options)
    const a = post('posts/a.md', 'Plain.')
    bodies.putHtml(a.body, '<p>Plain.</p>\n')
    expect(bodies.html(a.body)).toBeUndefined()
    expect(bodies.known(a)).toBe(false)
    await none.settle()
    expect(none.report().markdown).toEqual({ cached: 0, computed: 1 })
  })
})
