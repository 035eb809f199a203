// Resized variants as output files: each variant (in the original's format and in WebP) comes
// from `.bds/images` when an image with the same content was resized before, else sharp makes
// it now and it is stored there. An image sharp cannot read keeps no variants (a warning).

import { BdsError } from '../../errors/index.js'
import type { PlannedFile } from '../../output/index.js'
import { type ImageVariant, RESIZED_FORMATS } from '../../render/index.js'
import { type Fs, mapLimit } from '../../util/fs.js'
import type { ImageStore, StoredVariant } from './image-store.js'
import { type Resizer, resizeImage } from './resize.js'

export interface Original {
  /** Output path and source file. */
  out: string
  abs: string
  hash: string
  variants: ImageVariant[]
}

export interface Made {
  files: PlannedFile[]
  /** Originals whose variants could not be made. */
  dropped: Set<string>
  diagnostics: BdsError[]
  /** How many variant files were made now (the others came from the store). */
  resized: number
}

const planned = (path: string, source: string, stored: StoredVariant): PlannedFile =>
  'bytes' in stored
    ? { path, source, contents: stored.bytes }
    : { path, source, from: stored.from, fromStat: stored.stat }

/** Images at a time: sharp runs on libuv's threads while the main thread renders Markdown. */
const PARALLEL = 2

export async function makeVariants(
  fs: Fs,
  store: ImageStore,
  sharp: Resizer,
  originals: readonly Original[],
): Promise<Made> {
  const made: Made = { files: [], dropped: new Set(), diagnostics: [], resized: 0 }
  const results = await mapLimit(originals, PARALLEL, async (o) => {
    const ext = o.out.slice(o.out.lastIndexOf('.') + 1).toLowerCase()
    const jobs = o.variants.flatMap((v) => [
      ...(v.path ? [{ path: v.path, format: RESIZED_FORMATS[ext] ?? 'jpeg', v }] : []),
      { path: v.webp, format: 'webp', v },
    ])
    let input: Uint8Array | undefined
    try {
      const files: PlannedFile[] = []
      for (const job of jobs) {
        const key = `${o.hash}-${job.v.width}x${job.v.height}.${job.format}`
        let stored = store.variant(key)
        if (!stored) {
          input ??= await fs.readBytes(o.abs)
          stored = store.putVariant(key, await resizeImage(sharp, input, job.v, job.format))
          made.resized += 1
        }
        files.push(planned(job.path, o.out, stored))
      }
      return files
    } catch (error) {
      made.dropped.add(o.out)
      const message = `${o.out} cannot be resized (${(error as Error).message}); it is used at its own size only.`
      made.diagnostics.push(new BdsError('BDS_IMAGE_RESIZE', message, { severity: 'warning' }))
      return []
    }
  })
  made.files = results.flat()
  return made
}
