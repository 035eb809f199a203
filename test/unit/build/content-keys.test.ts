// A post view's hash in the build cache's page keys (#16): every field the view shows counts,
// its lazily rendered summary does not (the template key covers the summary's template).

import { describe, expect, it } from 'vitest'
import { viewHash } from '../../../src/build/content-keys.js'
import { createPost } from '../../../src/content/index.js'
import { indexSite, postView, type Summaries } from '../../../src/site/index.js'

const defaults = { timezone: 'UTC', author: '', language: 'en' }
const a = createPost(
  '---\ntitle: A\ndate: 2024-01-01\ntags: [x]\n---\nBody\n',
  'posts/a.md',
  'post',
  defaults,
)
const index = indexSite([a], 'UTC', undefined, { language: '', prefix: '', base: '' }, {})
const view = (html: string, summaries?: Summaries) =>
  postView(
    { post: a, url: '/2024/01/01/a/', html, excerpt: '' },
    'https://s',
    index.collections,
    true,
    '',
    summaries,
  )

describe('the hash of a post view', () => {
  it('is the same for the same fields, and changes with any of them', () => {
    expect(viewHash(view('<p>Body</p>'))).toBe(viewHash(view('<p>Body</p>')))
    expect(viewHash(view('<p>Body</p>'))).not.toBe(viewHash(view('<p>Body!</p>')))
    const other = view('<p>Body</p>')
    ;(other as Record<string, unknown>).title = 'B'
    expect(viewHash(other)).not.toBe(viewHash(view('<p>Body</p>')))
  })

  it('leaves out the summary, rendered or not', () => {
    const summaries: Summaries = {
      templates: { render: () => '<article>summary</article>' },
      html: new Map(),
    }
    const shown = view('<p>Body</p>', summaries)
    const drop = shown as unknown as { liquidMethodMissing(key: string): unknown }
    expect(drop.liquidMethodMissing('summary_html')).toBe('<article>summary</article>')
    expect(viewHash(shown)).toBe(viewHash(view('<p>Body</p>')))
  })
})
