// The content fingerprint of a site: every input file by its path relative to the site and
// a hash of its bytes — posts, pages, templates, scripts, data files, meta/*.json, the config,
// media sidecars and images (their sizes are written into pages, their variants made from
// them), the theme — and, for files that are only copied (other static/ and media files),
// path and size. Equal on every clone of the same commit, wherever it lies and whatever the
// file times.

import { join, relative, sep } from 'node:path'
import type { ResolvedConfig } from '../config/index.js'
import { CONFIG_FILE } from '../config/index.js'
import { type Fs, mapLimit } from '../util/fs.js'
import { hashText } from '../util/hash.js'

const rel = (root: string, path: string) => relative(root, path).split(sep).join('/')

/** Files read for their content among the copied ones (as the images step finds images). */
const READ = /\.(meta|jpe?g|png|gif|webp|avif|svg|bmp|ico|tiff?)$/i

/** `themeDir`: the bundled theme the site's templates override (paths named relative to it). */
export async function contentFingerprint(
  config: ResolvedConfig,
  fs: Fs,
  themeDir: string,
): Promise<string> {
  const p = config.paths
  const read = [p.posts, p.pages, p.templates, p.scripts, p.data, join(p.root, 'meta')]
  const sized = [p.static, p.media]
  const list = async (dir: string) => (await fs.walk(dir)).map((f) => join(dir, f))
  const [readFiles, sizedFiles] = await Promise.all([
    Promise.all(read.map(list)),
    Promise.all(sized.map(list)),
  ])
  const byContent = [...readFiles.flat(), join(p.root, CONFIG_FILE)]
  const bySize: string[] = []
  for (const file of sizedFiles.flat()) (READ.test(file) ? byContent : bySize).push(file)
  const lines = await mapLimit(byContent, 64, async (file) => {
    const bytes = await fs.readBytes(file).catch(() => undefined)
    return `${rel(p.root, file)}\t${bytes ? hashText(bytes) : '-'}`
  })
  const sizes = await mapLimit(bySize, 64, async (file) => {
    const s = await fs.stat(file)
    return `${rel(p.root, file)}\t${s ? s.size : '-'}`
  })
  const theme = await mapLimit(await fs.walk(themeDir), 64, async (file) => {
    const bytes = await fs.readBytes(join(themeDir, file)).catch(() => undefined)
    return `theme:${file}\t${bytes ? hashText(bytes) : '-'}`
  })
  return hashText([...lines, '', ...sizes, '', ...theme].join('\n'))
}
