// Link rewriting as bDS's rewriteRenderedHtmlUrls does it; the cases of rfc1437/bDS
// tests/engine/PageRenderer.rewrite.test.ts written fresh, plus the unresolved-link report
// bds adds (issue 12, item 6).

import { describe, expect, it } from 'vitest'
import { buildLinkMaps, lineOfLink } from '../../../src/render/link-maps.js'
import { rewriteLinks } from '../../../src/render/links.js'

const maps = buildLinkMaps(
  [
    { slug: 'target-post', url: '/2025/02/14/target-post/' },
    { slug: 'hallo-welt', url: '/2025/03/02/hallo-welt/' },
  ],
  [
    { url: '/media/2025/02/3b94f5d1-91f5-4c9b-a8d4-6f3bf8f045cf.jpg', originalName: 'example.jpg' },
    { url: '/media/2025/05/sun%20rise.png' },
  ],
)
const href = (url: string) => rewriteLinks(`<a href="${url}">x</a>`, maps).html.slice(9, -7)

describe('rewriteLinks', () => {
  it('rewrites /post/slug.html and /posts/YYYY/M/slug.html, keeping query and fragment', () => {
    expect(href('/post/target-post.html?draft=true#preview')).toBe(
      '/2025/02/14/target-post/?draft=true#preview',
    )
    expect(href('/posts/2025/2/target-post.html?foo=bar#frag')).toBe(
      '/2025/02/14/target-post/?foo=bar#frag',
    )
    expect(href('/posts/hallo-welt')).toBe('/2025/03/02/hallo-welt/')
    expect(href('post/2025/03/hallo-welt.htm')).toBe('/2025/03/02/hallo-welt/')
  })

  it('rewrites unpadded day routes with .html to the canonical URL', () => {
    expect(href('/2025/2/3/target-post.html?x=1#y')).toBe('/2025/02/14/target-post/?x=1#y')
    expect(href('/2025/03/02/hallo-welt')).toBe('/2025/03/02/hallo-welt/')
    expect(href('/2025/03/02/hallo-welt/')).toBe('/2025/03/02/hallo-welt/')
  })

  it('rewrites media links by original file name in any case, in href and src', () => {
    const html =
      '<a href="/media/2025/02/ExAmPlE.JPG?download=1#asset"><img src=\'media/2025/02/example.jpg\'></a>'
    expect(rewriteLinks(html, maps)).toEqual({
      html:
        '<a href="/media/2025/02/3b94f5d1-91f5-4c9b-a8d4-6f3bf8f045cf.jpg?download=1#asset">' +
        "<img src='/media/2025/02/3b94f5d1-91f5-4c9b-a8d4-6f3bf8f045cf.jpg'></a>",
      unresolved: [],
    })
    expect(href('/media/2025/05/Sun%20Rise.PNG')).toBe('/media/2025/05/sun%20rise.png')
    expect(href('/media/2025/05/sun rise.png')).toBe('/media/2025/05/sun rise.png')
  })

  it('leaves protocol-relative, external, fragment and other links alone', () => {
    const html =
      '<a href="//cdn.example.com/file.jpg?x=1#y">a</a><img src="//cdn.example.com/p.jpg">' +
      '<a href="https://example.com/post/target-post">b</a><a href="#top">c</a>' +
      '<a href="mailto:a@b.c">d</a><a href="/about/">e</a><img src="/post/target-post">'
    expect(rewriteLinks(html, maps)).toEqual({ html, unresolved: [] })
  })

  it('keeps old-style links that name nothing, and reports each with its offset', () => {
    const html =
      '<p><a href="/media/2025/02/unknown-file.jpg?raw=1#top">m</a> <a href="/post/gone">p</a> ' +
      '<a href="/2024/1/2/gone.html">d</a></p>'
    const result = rewriteLinks(html, maps)
    expect(result.html).toBe(html)
    expect(result.unresolved).toEqual([
      { url: '/media/2025/02/unknown-file.jpg?raw=1#top', kind: 'media', offset: 12 },
      { url: '/post/gone', kind: 'post', offset: html.indexOf('/post/gone') },
      { url: '/2024/1/2/gone.html', kind: 'date', offset: html.indexOf('/2024/1/2/gone.html') },
    ])
    expect(html.slice(12, 12 + 5)).toBe('/medi')
  })

  it('finds the Markdown line of a link for the warning', () => {
    expect(lineOfLink('one\ntwo [x](/post/gone)\n', '/post/gone', 5)).toBe(6)
    expect(lineOfLink('nothing', '/post/gone', 5)).toBeUndefined()
  })
})
