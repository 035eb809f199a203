// Image tags completed from the image table (issue 18): sizes from the file, lazy after the
// first image, async decoding, and <picture> with WebP and srcset for resized variants.

import { describe, expect, it } from 'vitest'
import {
  decorateImages,
  findImage,
  type ImageInfo,
  type ImageTable,
  planVariants,
  variantSizes,
} from '../../../src/render/index.js'

const boxes = { small: 150, medium: 400, large: 800 }

function table(site = 'https://ex.org'): ImageTable {
  const entries = new Map<string, ImageInfo>()
  const photo: ImageInfo = { width: 1600, height: 1200 }
  photo.variants = planVariants('media/a b/photo.jpg', photo, { small: 150, large: 800 })
  entries.set('media/a b/photo.jpg', photo)
  for (const v of photo.variants)
    for (const p of [v.path, v.webp])
      if (p) entries.set(p, { width: v.width, height: v.height, of: 'media/a b/photo.jpg' })
  entries.set('logo.svg', { width: 40, height: 20 })
  return { entries, site }
}

describe('variant sizes', () => {
  it('fits each box without enlarging, portrait and landscape, each width once', () => {
    expect(variantSizes(1600, 1200, boxes)).toEqual([
      { name: 'small', width: 150, height: 113 },
      { name: 'medium', width: 400, height: 300 },
      { name: 'large', width: 800, height: 600 },
    ])
    expect(variantSizes(600, 1200, boxes).map((v) => [v.width, v.height])).toEqual([
      [75, 150],
      [200, 400],
      [400, 800],
    ])
    expect(variantSizes(120, 90, boxes)).toEqual([])
  })

  it('names variants beside the original; a WebP original has WebP variants only', () => {
    const info = { width: 1000, height: 500 }
    expect(planVariants('media/x.png', info, { small: 150 })).toEqual([
      {
        name: 'small',
        width: 150,
        height: 75,
        path: 'media/x.150w.png',
        webp: 'media/x.150w.webp',
      },
    ])
    expect(planVariants('media/x.webp', info, { small: 150 })[0]?.path).toBeUndefined()
    expect(planVariants('media/x.gif', info, { small: 150 })).toEqual([])
  })
})

describe('finding an image by src', () => {
  it('resolves relative, root-relative, absolute and base-path URLs, decoded', () => {
    const t = table('https://ex.org/blog')
    for (const src of [
      '/media/a%20b/photo.jpg',
      '../../media/a%20b/photo.jpg?v=2',
      'https://ex.org/blog/media/a%20b/photo.jpg',
      '/blog/media/a%20b/photo.jpg',
    ])
      expect(findImage(t, src, '/x/y/')?.path, src).toBe('media/a b/photo.jpg')
    expect(findImage(t, 'https://other.org/media/a%20b/photo.jpg', '/')).toBeUndefined()
    expect(findImage(t, 'data:image/png;base64,AAAA', '/')).toBeUndefined()
  })
})

describe('decorateImages', () => {
  it('gives local images their size; lazy after the first image; async decoding', () => {
    const html = '<img src="/logo.svg" alt=""><p><img src="https://cdn.example/x.png"></p>'
    expect(decorateImages(html, 'index.html', table())).toBe(
      '<img src="/logo.svg" alt="" width="40" height="20" decoding="async">' +
        '<p><img src="https://cdn.example/x.png" loading="lazy" decoding="async"></p>',
    )
  })

  it('wraps an image with variants in <picture>: WebP source, srcset in its own format', () => {
    const out = decorateImages(
      '<img src="../media/a%20b/photo.jpg" alt="p">',
      'x/index.html',
      table(),
    )
    expect(out).toBe(
      '<picture><source type="image/webp" srcset="../media/a%20b/photo.150w.webp 150w, ' +
        '../media/a%20b/photo.800w.webp 800w, ../media/a%20b/photo.jpg 1600w" ' +
        'sizes="(max-width: 45rem) 100vw, 45rem"><img src="../media/a%20b/photo.jpg" alt="p" ' +
        'width="1600" height="1200" decoding="async" sizes="(max-width: 45rem) 100vw, 45rem" ' +
        'srcset="../media/a%20b/photo.150w.jpg 150w, ../media/a%20b/photo.800w.jpg 800w, ' +
        '../media/a%20b/photo.jpg 1600w"></picture>',
    )
  })

  it('keeps what the author wrote: sizes, loading, srcset, one dimension, a <picture>', () => {
    const t = table()
    expect(decorateImages('<img src="/logo.svg" width="80" loading="eager" />', 'i.html', t)).toBe(
      '<img src="/logo.svg" width="80" loading="eager" height="40" decoding="async" />',
    )
    const own = '<img src="/media/a%20b/photo.jpg" srcset="/x.jpg 2x">'
    expect(decorateImages(own, 'i.html', t)).not.toContain('<picture>')
    const pic = '<picture><source srcset="/y.avif"><img src="/media/a%20b/photo.jpg"></picture>'
    expect(decorateImages(pic, 'i.html', t)).toBe(
      '<picture><source srcset="/y.avif"><img src="/media/a%20b/photo.jpg" width="1600" height="1200" decoding="async"></picture>',
    )
    const thumb = '<img src="/media/a%20b/photo.150w.jpg" sizes="10rem">'
    const out = decorateImages(thumb, 'i.html', t)
    expect(out).toContain('width="150" height="113"')
    expect(out).toContain('srcset="/media/a%20b/photo.150w.jpg 150w,')
    expect(out).toContain('/media/a%20b/photo.jpg 1600w"></picture>')
  })

  it('leaves a page without images as it is', () => {
    const html = '<p>No pictures; &lt;img src=x&gt; is text.</p>'
    expect(decorateImages(html, 'index.html', table())).toBe(html)
  })
})
