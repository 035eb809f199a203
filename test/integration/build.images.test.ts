// Images (issue 18): a site with photos built in memory and on disk — every <img> gets the
// file's size, lazy loading after the first, async decoding; raster media get WebP and
// same-format variants made by sharp once per content (a rebuild resizes nothing); galleries
// link the large variant and show the small one; without sharp, sizes only and a notice.

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { build, buildDeps, memoryDeps } from '../../src/build/index.js'
import { loadSharp, type Resizer } from '../../src/build/steps/resize.js'
import { createMemoryFs, type MemoryFs } from '../../src/util/memory-fs.js'
import { bundledTemplatesDir } from '../../src/version.js'
import { MEMORY_ROOT, MEMORY_THEME } from '../helpers/memory.js'
import { listFiles, tempDir } from '../helpers/site.js'

const POST = `---
title: Garden
id: post-garden
date: 2024-05-20
---
The ![bench](/media/2024/bench.jpg) first, then a [[gallery columns=2]]
`
const META = (id: string) =>
  `---\nid: ${id}\noriginalName: "${id}.jpg"\nmimeType: image/jpeg\ncreatedAt: 2024-05-01T10:00:00.000Z\nlinkedPostIds: ["post-garden"]\n---\n`

let photo: Buffer
let portrait: Buffer
beforeAll(async () => {
  const make = (width: number, height: number) =>
    sharp({ create: { width, height, channels: 3, background: { r: 90, g: 140, b: 60 } } })
      .jpeg()
      .toBuffer()
  photo = await make(1200, 900)
  portrait = await make(300, 600)
})

const files = (): Record<string, string | Uint8Array> => ({
  'bds.config.json': '{"title": "Garden", "url": "https://garden.example"}',
  'posts/garden.md': POST,
  'media/2024/bench.jpg': photo,
  'media/2024/bench.jpg.meta': META('bench'),
  'media/2024/tulip.jpg': portrait,
  'media/2024/tulip.jpg.meta': META('tulip'),
})

function memorySite(): MemoryFs {
  const site = createMemoryFs()
  for (const [path, contents] of Object.entries(files()))
    site.put(join(MEMORY_ROOT, path), contents)
  for (const f of listFiles(bundledTemplatesDir))
    site.put(join(MEMORY_THEME, f), readFileSync(join(bundledTemplatesDir, f)))
  return site
}

/** sharp, counting what it resizes. */
function counting(): { count: () => number; load: () => Promise<Resizer | string> } {
  let n = 0
  return {
    count: () => n,
    load: async () => {
      const real = await loadSharp()
      if (typeof real === 'string') return real
      return ((input: Uint8Array) => {
        n += 1
        return real(input)
      }) as Resizer
    },
  }
}

const text = (bytes: Uint8Array | undefined) => Buffer.from(bytes ?? []).toString('utf8')
const page = '2024/05/20/garden/index.html'

describe('images in a built site', () => {
  it('sizes every image, makes variants once and links galleries to them', async () => {
    const fs = memorySite()
    const spy = counting()
    const deps = memoryDeps(fs, { templatesDir: MEMORY_THEME, sharp: spy.load })
    const report = await build({ root: MEMORY_ROOT, strict: true }, deps)
    expect(report.diagnostics).toEqual([])
    const out = deps.writer.files
    // 1200×900: small 150×113, medium 400×300, large 800×600; 300×600: 75×150, 200×400.
    for (const name of ['bench.150w', 'bench.400w', 'bench.800w', 'tulip.75w', 'tulip.200w'])
      for (const ext of ['jpg', 'webp'])
        expect(out.has(`media/2024/${name}.${ext}`), name).toBe(true)
    const meta = await sharp(out.get('media/2024/bench.400w.webp') as Uint8Array).metadata()
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 400, 300])
    expect(spy.count()).toBe(10)
    const html = text(out.get(page))
    expect(html).toContain(
      '<img src="/media/2024/bench.jpg" alt="bench" width="1200" height="900" decoding="async" sizes=',
    )
    expect(html).toContain('<source type="image/webp" srcset="/media/2024/bench.150w.webp 150w,')
    expect(html).toMatch(/class="gallery-item" href="\/media\/2024\/bench\.800w\.jpg"/)
    expect(html).toContain(
      '<img src="/media/2024/tulip.75w.jpg" alt="tulip.jpg" width="75" height="150"',
    )
    const lazy = html.match(/loading="lazy"/g) ?? []
    expect(lazy.length).toBe((html.match(/<img /g) ?? []).length - 1)

    const again = await build({ root: MEMORY_ROOT, strict: true, clean: true }, deps)
    expect(again.upToDate).toBe(false)
    expect(spy.count()).toBe(10)
  })

  it('keeps sizes and makes no variants, with a notice, when sharp cannot be loaded', async () => {
    const fs = memorySite()
    const deps = memoryDeps(fs, { templatesDir: MEMORY_THEME, sharp: async () => 'not here' })
    const report = await build({ root: MEMORY_ROOT, strict: true }, deps)
    expect(report.diagnostics).toEqual([])
    expect(report.notes.join('\n')).toContain('sharp cannot be loaded here (not here)')
    expect([...deps.writer.files.keys()].filter((f) => /\.\d+w\./.test(f))).toEqual([])
    const html = text(deps.writer.files.get(page))
    expect(html).toContain('<img src="/media/2024/bench.jpg" alt="bench" width="1200" height="900"')
    expect(html).toMatch(/class="gallery-item" href="\/media\/2024\/bench\.jpg"/)
    expect(html).not.toContain('<picture>')
  })

  it('keeps variants in .bds/images on disk: a build into a new folder resizes nothing', async () => {
    const root = tempDir('bds-images-')
    for (const [path, contents] of Object.entries(files())) {
      mkdirSync(join(root, path, '..'), { recursive: true })
      writeFileSync(join(root, path), contents)
    }
    const spy = counting()
    const deps = buildDeps({ sharp: spy.load, parallel: false })
    const first = await build({ root, out: join(root, 'dist') }, deps)
    expect(first.ok).toBe(true)
    expect(spy.count()).toBe(10)
    rmSync(join(root, 'dist'), { recursive: true })
    const second = await build({ root, out: join(root, 'dist') }, deps)
    expect(second.ok).toBe(true)
    expect(spy.count()).toBe(10)
    const variant = readFileSync(join(root, 'dist/media/2024/bench.800w.webp'))
    expect((await sharp(variant).metadata()).width).toBe(800)
  })
})
