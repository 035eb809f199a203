// The images step: every image under media/, static/ and the theme's assets/ with its size
// (read from the file, kept in `.bds/images` by size and mtime), and the resized variants of
// raster images under media/ (config `images.sizes`), made with sharp once per content hash.
// The table it returns completes each page's <img> tags and the gallery's links.

import { join } from 'node:path'
import { imageSize } from 'image-size'
import type { ResolvedConfig } from '../../config/index.js'
import { BdsError } from '../../errors/index.js'
import type { PlannedFile } from '../../output/index.js'
import { type ImageInfo, type ImageTable, planVariants } from '../../render/index.js'
import { type FileStat, type Fs, mapLimit } from '../../util/fs.js'
import { hashText } from '../../util/hash.js'
import type { BuildDeps } from '../deps.js'
import { type ImageProbe, type ImageStore, memoryImageStore } from './image-store.js'
import { loadSharp, type Resizer } from './resize.js'
import { makeVariants } from './variants.js'

const IMAGE = /\.(jpe?g|png|gif|webp|avif|svg|bmp|ico|tiff?)$/i

export interface ImagesState {
  table: ImageTable
  /** Changes when any image's size or variants change (page keys in watch mode). */
  key: string
  /** Variant files, ready to write. */
  files: PlannedFile[]
  diagnostics: BdsError[]
  notes: string[]
}

export interface ImagesStep {
  /** Sizes and planned variants: what macros may link to while the variants are being made. */
  table: ImageTable
  /** Waits for the variants; an image that could not be resized leaves the table. */
  finish(): Promise<ImagesState>
}

interface Source {
  out: string
  abs: string
  resize: boolean
}

async function sources(config: ResolvedConfig, fs: Fs, themeDir: string): Promise<Source[]> {
  const p = config.paths
  const list = async (dir: string, prefix: string, resize: boolean) =>
    (await fs.walk(dir))
      .filter((f) => IMAGE.test(f))
      .map((f) => ({ out: prefix + f, abs: join(dir, f), resize }))
  const assets = new Map<string, Source>()
  for (const dir of [join(themeDir, 'assets'), join(p.templates, 'assets')])
    for (const s of await list(dir, 'assets/', false)) assets.set(s.out, s)
  return [
    ...(await list(p.media, 'media/', true)),
    ...(await list(p.static, '', false)),
    ...assets.values(),
  ]
}

/** Width and height as shown: EXIF orientations 5–8 turn the picture a quarter. */
function measure(bytes: Uint8Array): { width: number; height: number } {
  const size = imageSize(bytes)
  const { width, height } = size
  if (!width || !height) throw new Error('it states no width and height')
  return (size.orientation ?? 1) >= 5 ? { width: height, height: width } : { width, height }
}

async function probe(fs: Fs, store: ImageStore, s: Source, stat: FileStat): Promise<ImageProbe> {
  const known = store.probe(s.abs, stat)
  if (known) return known
  const bytes = await fs.readBytes(s.abs)
  const found = { ...stat, hash: hashText(bytes), ...measure(bytes) }
  store.remember(s.abs, found)
  return found
}

export async function runImagesStep(
  config: ResolvedConfig,
  fs: Fs,
  store: ImageStore,
  themeDir: string,
  resizer: () => Promise<Resizer | string>,
): Promise<ImagesStep> {
  const list = await sources(config, fs, themeDir)
  const stats = await mapLimit(list, 64, (s) => fs.stat(s.abs))
  const diagnostics: BdsError[] = []
  const notes: string[] = []
  const entries = new Map<string, ImageInfo>()
  const originals: { source: Source; probe: ImageProbe; info: ImageInfo }[] = []
  await mapLimit(list, 8, async (source, i) => {
    const stat = stats[i]
    if (!stat) return
    try {
      const found = await probe(fs, store, source, stat)
      const info: ImageInfo = { width: found.width, height: found.height }
      entries.set(source.out, info)
      if (source.resize) originals.push({ source, probe: found, info })
    } catch (error) {
      const message = `The size of ${source.out} cannot be read (${(error as Error).message}); its <img> tags get no width and height.`
      diagnostics.push(new BdsError('BDS_IMAGE_UNREADABLE', message, { severity: 'warning' }))
    }
  })
  for (const o of originals)
    o.info.variants = planVariants(o.source.out, o.info, config.images.sizes)
  const wanted = originals.filter((o) => o.info.variants?.length)
  const sharp = wanted.length ? await resizer() : undefined
  if (typeof sharp === 'string') {
    notes.push(
      `sharp cannot be loaded here (${sharp}): images get their width and height but no resized variants.`,
    )
    for (const o of wanted) delete o.info.variants
  }
  const work =
    typeof sharp === 'function'
      ? makeVariants(
          fs,
          store,
          sharp,
          wanted.map((o) => ({
            out: o.source.out,
            abs: o.source.abs,
            hash: o.probe.hash,
            variants: o.info.variants ?? [],
          })),
        )
      : Promise.resolve(undefined)
  const table: ImageTable = { entries, site: config.url }
  return {
    table,
    async finish() {
      const made = await work
      for (const o of originals) if (made?.dropped.has(o.source.out)) delete o.info.variants
      for (const o of originals)
        for (const v of o.info.variants ?? [])
          for (const path of [v.path, v.webp])
            if (path) entries.set(path, { width: v.width, height: v.height, of: o.source.out })
      store.save()
      const sorted = [...entries].sort((a, b) => (a[0] < b[0] ? -1 : 1))
      return {
        table,
        key: hashText(JSON.stringify(sorted)),
        files: made?.files ?? [],
        diagnostics: [...diagnostics, ...(made?.diagnostics ?? [])],
        notes,
      }
    },
  }
}

/** A build's image step: the last build's when no media, static or template file changed. */
export function startImages(
  config: ResolvedConfig,
  deps: BuildDeps,
  previous: ImagesState | undefined,
  changed: boolean,
): Promise<ImagesStep> {
  if (previous && !changed)
    return Promise.resolve({ table: previous.table, finish: async () => previous })
  const store = deps.stores.images?.(config.paths.cache) ?? memoryImageStore()
  const step = runImagesStep(config, deps.fs, store, deps.templatesDir, deps.sharp ?? loadSharp)
  step.catch(() => {}) // awaited by the pipeline; this only keeps an early failure from going unhandled
  return step
}
