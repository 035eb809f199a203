// resolveLinks: relative URLs of a fragment resolved against the page it was written for —
// absolute for feeds, root paths for lists (issue 18, items 4 and 5).

import { describe, expect, it } from 'vitest'
import { resolveLinks } from '../../../src/util/html-links.js'

const post = 'https://s.example/2024/05/20/garden/'

describe('resolveLinks against an absolute URL (feeds)', () => {
  it('resolves href, src and poster, quoted either way or not at all', () => {
    expect(resolveLinks('<a href="../other/">o</a>', post)).toBe(
      '<a href="https://s.example/2024/05/20/other/">o</a>',
    )
    expect(resolveLinks("<img src='pic.png' alt=x>", post)).toBe(`<img src="${post}pic.png" alt=x>`)
    expect(resolveLinks('<video poster=still.jpg controls src=clip.mp4></video>', post)).toBe(
      `<video poster="${post}still.jpg" controls src="${post}clip.mp4"></video>`,
    )
    expect(resolveLinks('<A HREF = "x/">x</A>', post)).toBe(`<A HREF = "${post}x/">x</A>`)
  })

  it('resolves a fragment against the post', () => {
    expect(resolveLinks('<a href="#details">more</a>', post)).toBe(
      `<a href="${post}#details">more</a>`,
    )
  })

  it('resolves every srcset candidate and keeps the descriptors', () => {
    expect(
      resolveLinks(
        '<img srcset="a-480.jpg 480w, /media/a-800.jpg 800w,https://cdn.example/a.jpg 2x" src="a.jpg">',
        post,
      ),
    ).toBe(
      `<img srcset="${post}a-480.jpg 480w, https://s.example/media/a-800.jpg 800w, https://cdn.example/a.jpg 2x" src="${post}a.jpg">`,
    )
    expect(resolveLinks('<source srcset=small.webp>', post)).toBe(
      `<source srcset="${post}small.webp">`,
    )
  })

  it('keeps entities, other schemes and attributes that only look like links', () => {
    expect(resolveLinks('<a href="?a=1&amp;b=2">q</a>', post)).toBe(
      `<a href="${post}?a=1&amp;b=2">q</a>`,
    )
    const untouched = [
      '<a href="mailto:ada@example.com">m</a>',
      '<img src="data:image/png;base64,AAAA">',
      '<a href="https://other.example/">o</a>',
      '<img data-src="lazy.png">',
      '<p>write href="x" in text</p>',
      '<a href="">empty</a>',
    ]
    for (const html of untouched) expect(resolveLinks(html, post)).toBe(html)
    expect(resolveLinks('<a title="see href=x" href="y">t</a>', post)).toBe(
      `<a title="see href=x" href="${post}y">t</a>`,
    )
  })

  it('leaves a tag that never closes as it is', () => {
    expect(resolveLinks('<a href="x" title="never closed', post)).toBe(
      '<a href="x" title="never closed',
    )
  })
})

describe('resolveLinks against a URL path (lists)', () => {
  const path = '/2024/05/20/garden/'

  it('gives paths from the site root', () => {
    expect(resolveLinks('<p><a href="../other-post/">o</a> <a href="#x">x</a></p>', path)).toBe(
      '<p><a href="/2024/05/20/other-post/">o</a> <a href="/2024/05/20/garden/#x">x</a></p>',
    )
    expect(resolveLinks('<img src="pic.png" srcset="pic-2x.png 2x">', path)).toBe(
      '<img src="/2024/05/20/garden/pic.png" srcset="/2024/05/20/garden/pic-2x.png 2x">',
    )
  })

  it('keeps root paths and other sites as written', () => {
    const html = '<a href="/tag/x/">t</a><a href="//cdn.example/a">c</a><a href="https://o/">o</a>'
    expect(resolveLinks(html, path)).toBe(html)
  })
})
