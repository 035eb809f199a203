// The built-in macros one by one: golden HTML, empty states (bDS's locale wording), parameter
// warnings with their position, typed and string parameters giving the same output, escaping,
// and the expectations of bDS's own tests (rfc1437/bDS tests/engine/PageRenderer.macros.test.ts,
// tests/renderer/macros/photo_archive.test.ts), written fresh.

import { describe, expect, it } from 'vitest'
import type { BdsError } from '../../../src/errors/index.js'
import {
  BUILTIN_NAMES,
  createBuiltinRunner,
  renderBuiltin,
} from '../../../src/macros/builtins/index.js'
import type { MacroParams, MacroSite, MediaItem } from '../../../src/macros/index.js'
import { image, macroInput, testPos } from '../../helpers/macro-input.js'

const golden = (name: string) => `../../../fixtures/macros/${name}.html`
const render = (name: string, params: MacroParams = {}, site: Partial<MacroSite> = {}) =>
  renderBuiltin(macroInput(name, params, site))
const strings = (params: MacroParams) =>
  Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]))
const plain = (out: { diagnostics: BdsError[] } | undefined) =>
  out?.diagnostics.map(({ code, severity, pos, message }) => ({ code, severity, pos, message }))
const warning = (message: RegExp) => ({
  code: 'BDS_MACRO_PARAMS',
  severity: 'warning',
  pos: testPos,
  message: expect.stringMatching(message),
})

/** Renders with typed and with string params, checks both agree, returns the HTML. */
function same(name: string, params: MacroParams, site: Partial<MacroSite> = {}) {
  const typed = render(name, params, site)
  const text = render(name, strings(params), site)
  expect(text).toEqual(typed)
  expect(typed.diagnostics).toEqual([])
  return typed.html
}

const media: MediaItem[] = [
  image('old.png', '2024-01-02T08:00:00Z', ['post-a'], { alt: 'Old alt', title: 'Old' }),
  image('new.jpg', '2024-05-03T09:00:00Z', ['post-a', 'post-b'], { caption: 'New caption' }),
  image('mid.bin', '2024-03-31T23:30:00Z', ['post-a'], { mimeType: 'image/webp' }),
  image('doc.pdf', '2024-04-01T00:00:00Z', ['post-a']),
  image('other.png', '2023-11-20T12:00:00Z', ['post-b'], { originalName: 'IMG_1.PNG' }),
  image('undated.gif', undefined, ['post-a']),
]

describe('the built-in runner', () => {
  it('knows every built-in name and alias, and nothing else', () => {
    const runner = createBuiltinRunner()
    expect([...BUILTIN_NAMES].sort()).toEqual(
      ['gallery', 'photo_album', 'photo_archive', 'tag_cloud', 'vimeo', 'youtube'].sort(),
    )
    for (const name of BUILTIN_NAMES) expect(runner.has(name)).toBe(true)
    expect(runner.has('nonesuch')).toBe(false)
  })

  it('runs a batch in order and never rejects', async () => {
    const runner = createBuiltinRunner()
    const broken = macroInput('gallery', {}, { media: undefined as unknown as MediaItem[] })
    const out = await runner.run([macroInput('vimeo', { id: 1 }), broken, macroInput('youtube')])
    expect(out.map((o) => o.html.slice(0, 23))).toEqual(['<div class="macro-vimeo', '', ''])
    expect(plain(out[1])).toMatchObject([
      { code: 'BDS_MACRO_FAILED', severity: 'error', pos: testPos, message: /^gallery failed: / },
    ])
    expect(out[1]?.diagnostics[0]?.cause).toBeInstanceOf(TypeError)
    expect(plain(out[2])).toMatchObject([warning(/needs an id/)])
  })

  it('reports parameters a macro does not know, and still renders', () => {
    const out = render('vimeo', { id: 1, colour: 'red' })
    expect(out.html).toContain('player.vimeo.com/video/1"')
    expect(plain(out)).toMatchObject([warning(/no parameter "colour"/)])
    expect(render('youtube', { id: 'dQw4w9WgXcQ', start: 30 }).diagnostics).toEqual([])
  })
})

describe('youtube and vimeo', () => {
  it('render the bDS iframes', async () => {
    await expect(same('youtube', { id: 'dQw4w9WgXcQ', title: 'Never' })).toMatchFileSnapshot(
      golden('youtube-basic'),
    )
    const nocookie = { options: { stringParams: false, youtubeNoCookie: true } }
    await expect(same('youtube', { id: 'dQw4w9WgXcQ' }, nocookie)).toMatchFileSnapshot(
      golden('youtube-nocookie'),
    )
    await expect(same('vimeo', { id: 76979871 })).toMatchFileSnapshot(golden('vimeo-basic'))
  })

  it('escape hostile titles', async () => {
    const html = same('youtube', { id: 'dQw4w9WgXcQ', title: '<script>alert("x")</script>' })
    expect(html).not.toContain('<script>')
    await expect(html).toMatchFileSnapshot(golden('youtube-escaped'))
    expect(same('vimeo', { id: 5, title: '"><img onerror=x>' })).toContain(
      'title="&quot;&gt;&lt;img onerror=x&gt;"',
    )
  })

  it('render any id made of letters, digits, - and _, as bDS does (its test uses abc123)', () => {
    const html = same('youtube', { id: 'abc123' })
    expect(html).toContain('class="macro-youtube"')
    expect(html).toContain('src="https://www.youtube.com/embed/abc123?rel=0"')
    expect(html).toContain('title="YouTube video"')
    expect(same('youtube', { id: 'abc' }, { language: 'de' })).toContain('title="YouTube-Video"')
    expect(same('vimeo', { id: 5 }, { language: 'fr' })).toContain('title="Vidéo Vimeo"')
  })

  it('keep the leading zeros of a bare all-digit youtube id', () => {
    const out = renderBuiltin({
      ...macroInput('youtube', { id: 123 }),
      call: { ...macroInput('youtube').call, params: { id: 123 }, text: { id: '0123' } },
    })
    expect(out.html).toContain('/embed/0123?rel=0')
  })

  it.each([
    ['youtube', {}, /needs an id/],
    ['youtube', { id: 'dQw4w9WgXc"' }, /has characters other than letters, digits, - and _/],
    ['youtube', { id: 'a/../b' }, /has characters other than/],
    ['vimeo', { id: '' }, /needs an id/],
    ['vimeo', { id: '12a' }, /"12a" is not all digits/],
    ['vimeo', { id: -5 }, /"-5" is not all digits/],
  ])('%s %j renders nothing and warns', (name, params, message) => {
    const out = render(name, params as MacroParams)
    expect(out.html).toBe('')
    expect(plain(out)).toEqual([warning(message)])
  })
})

describe('gallery', () => {
  it('shows the images linked to the post, newest first, with a caption', async () => {
    const html = same('gallery', { columns: 3, caption: 'Spring & more' }, { media })
    expect(html.match(/class="gallery-item"/g)).toHaveLength(4)
    await expect(html).toMatchFileSnapshot(golden('gallery-basic'))
  })

  it('takes columns 1 to 6, else 3 with a warning', async () => {
    await expect(same('gallery', { columns: 2 }, { media })).toMatchFileSnapshot(
      golden('gallery-cols-2'),
    )
    for (const columns of [0, 7, 2.5, 'two', true]) {
      const out = render('gallery', { columns }, { media })
      expect(out.html).toContain('gallery-cols-3" data-post-id="post-a" data-columns="3"')
      expect(plain(out)).toMatchObject([warning(/columns must be a whole number from 1 to 6/)])
    }
  })

  it('has an empty state', async () => {
    await expect(same('gallery', {})).toMatchFileSnapshot(golden('gallery-empty'))
  })

  it('escapes captions, titles, alts, urls and the post id', async () => {
    const hostile = '"><script>x</script>'
    const item = image(`a${hostile}.png`, '2024-01-01T00:00:00Z', [hostile], { title: hostile })
    const out = renderBuiltin(
      macroInput('gallery', { caption: hostile }, { media: [item] }, { id: hostile }),
    )
    expect(out.html).not.toMatch(/<script|"><script/)
    await expect(out.html).toMatchFileSnapshot(golden('gallery-escaped'))
  })
})

describe('photo_archive', () => {
  const months = Array.from({ length: 12 }, (_, i) =>
    image(`m${i + 1}.png`, `2023-${String(i + 1).padStart(2, '0')}-15T12:00:00Z`),
  )
  const all = [...media, ...months]

  it('shows the 10 most recent months without a year', async () => {
    const html = same('photo_archive', {}, { media: all })
    expect(html.match(/photo-archive-month-wrapper/g)).toHaveLength(10)
    await expect(html).toMatchFileSnapshot(golden('photo-archive-recent'))
  })

  it('shows a whole year, or one month of it', async () => {
    await expect(same('photo_archive', { year: 2024 }, { media: all })).toMatchFileSnapshot(
      golden('photo-archive-year'),
    )
    await expect(
      same('photo_archive', { year: 2023, month: 3 }, { media: all }),
    ).toMatchFileSnapshot(golden('photo-archive-month'))
  })

  it('answers to photo_album the same way', () => {
    const archive = render('photo_archive', { year: 2024 }, { media: all })
    expect(render('photo_album', { year: 2024 }, { media: all })).toEqual(archive)
  })

  it('buckets by month in the site timezone and names months in the site language', () => {
    const html = same(
      'photo_archive',
      { year: 2024 },
      { media, timezone: 'Europe/Berlin', language: 'de' },
    )
    expect(html).toContain('<span>Apr. 2024</span>')
    expect(html).toContain('<span>Mai 2024</span>')
    expect(html).not.toContain('März')
    expect(same('photo_archive', {}, { media, language: 'not a language!' })).toContain('May 2024')
  })

  it('has an empty state', async () => {
    await expect(same('photo_archive', { year: 1999 }, { media })).toMatchFileSnapshot(
      golden('photo-archive-empty'),
    )
  })

  it.each([
    [{ year: 'last' }, /year must be a whole number from 1000 to 9999/, {}],
    [{ year: 99 }, /year must be a whole number/, {}],
    [{ month: 3 }, /month needs a year/, {}],
    [{ year: 2024, month: 13 }, /month must be a whole number from 1 to 12/, { year: 2024 }],
  ] as [MacroParams, RegExp, MacroParams][])(
    '%j warns and treats the value as absent',
    (params, message, fallback) => {
      const out = render('photo_archive', params, { media })
      expect(plain(out)).toMatchObject([warning(message)])
      expect(out.html).toBe(same('photo_archive', fallback, { media }))
    },
  )
})

describe('tag_cloud', () => {
  const tags = [
    { name: 'travel', url: '/tag/travel/', count: 1 },
    { name: 'Code & <Tools>', url: '/tag/Code%20&%20%3CTools%3E/', count: 7 },
    { name: 'food', url: '/tag/food/', count: 4 },
    { name: 'unused', url: '/tag/unused/', count: 0 },
  ]

  it('renders the bDS data attributes and a readable list', async () => {
    const params = { width: 640, height: 300, orientation: 'hv' }
    const html = same('tag_cloud', params, { tags })
    expect(html).toContain('data-orientation="mixed-hv"')
    expect(html).toContain('style="font-size:14px" title="1 post">travel<')
    expect(html).toContain('style="font-size:56px" title="7 posts">Code &amp; &lt;Tools&gt;<')
    expect(html).not.toContain('unused')
    // bDS's tag-cloud.js draws into svg.tag-cloud-canvas and reads these attributes.
    expect(html).toContain(
      '<svg class="tag-cloud-canvas" viewBox="0 0 640 300" preserveAspectRatio="xMidYMid meet"',
    )
    expect(html).toContain('aria-label="Tag cloud"')
    expect(html).toMatch(/<foreignObject [^>]*>\n<ul class="tag-cloud-list"/)
    await expect(html).toMatchFileSnapshot(golden('tag-cloud-basic'))
  })

  it('uses the middle size when all counts are equal', () => {
    const html = same('tag_cloud', {}, { tags: [tags[0], { ...tags[2], count: 1 }] as typeof tags })
    expect(html.match(/font-size:35px/g)).toHaveLength(2)
    expect(html).toContain('data-width="900" data-height="420"')
  })

  it.each([
    [{ width: 100 }, /width must be a whole number from 320 to 1600, not 100; using 900/],
    [{ height: '2000' }, /height must be a whole number from 180 to 900, not "2000"; using 420/],
    [{ orientation: 'vertical' }, /orientation "vertical" is not horizontal/],
  ])('%j warns and uses the default', (params, message) => {
    const out = render('tag_cloud', params as MacroParams, { tags })
    expect(plain(out)).toMatchObject([warning(message)])
    expect(out.html).toBe(same('tag_cloud', {}, { tags }))
  })

  it('maps the bDS orientation aliases', () => {
    for (const [given, want] of [
      ['DIAG', 'mixed-diagonal'],
      ['mixed_hv', 'mixed-hv'],
    ]) {
      expect(same('tag_cloud', { orientation: given as string }, { tags })).toContain(
        `data-orientation="${want}"`,
      )
    }
  })

  it('has an empty state', async () => {
    await expect(same('tag_cloud', {})).toMatchFileSnapshot(golden('tag-cloud-empty'))
    expect(same('tag_cloud', {}, { language: 'es' })).toContain('No se encontraron etiquetas.')
  })
})
