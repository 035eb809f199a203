// Where the image table meets the pages: a FileSink that completes the <img> tags of every HTML
// page it writes (main thread and render worker alike), the lookup the gallery macros use, and
// template dependencies whose hash includes the table's key, so a watch rebuild re-renders
// pages when an image's size or variants change.

import type { ImageLookup } from '../../macros/index.js'
import type { FileSink } from '../../output/index.js'
import {
  decorateImages,
  type ImageTable,
  pickVariant,
  type TemplateDeps,
} from '../../render/index.js'
import { hashText } from '../../util/hash.js'

export function imagesSink(sink: FileSink, table: ImageTable | undefined): FileSink {
  if (!table || table.entries.size === 0) return sink
  return {
    write(file) {
      const html = typeof file.contents === 'string' && file.path.endsWith('.html')
      sink.write(
        html
          ? { ...file, contents: decorateImages(file.contents as string, file.path, table) }
          : file,
      )
    },
    result: () => sink.result(),
  }
}

export function imageLookup(table: ImageTable): ImageLookup | undefined {
  if (![...table.entries.values()].some((i) => i.variants?.length)) return undefined
  const sorted = [...table.entries].sort((a, b) => (a[0] < b[0] ? -1 : 1))
  return {
    key: hashText(JSON.stringify(sorted)),
    variant: (url, size) => pickVariant(table, url, size),
  }
}

export function withImagesKey(
  deps: ((name: string) => TemplateDeps) | undefined,
  key: string,
): ((name: string) => TemplateDeps) | undefined {
  return (
    deps &&
    ((name) => {
      const d = deps(name)
      return { ...d, hash: `${d.hash}+${key}` }
    })
  )
}
