// The input fingerprint behind "nothing changed": a hash over the path, size and mtime of
// every input file (content, media, static, templates, scripts, data, config, bundled theme), the
// bds version and the flags. Equal fingerprint + intact outputs = the build can be skipped.

import { join } from 'node:path'
import type { ResolvedConfig } from '../config/index.js'
import { BDS_PROJECT_FILE, CONFIG_FILE } from '../config/index.js'
import { MARKER, type Manifest, type OutputWriter } from '../output/index.js'
import { type Fs, mapLimit } from '../util/fs.js'
import { hashText } from '../util/hash.js'

export async function fingerprintInputs(
  config: ResolvedConfig,
  deps: { fs: Fs; templatesDir: string },
  version: string,
): Promise<{ hash: string; postFiles: number }> {
  const p = config.paths
  const dirs = [
    p.posts,
    p.pages,
    p.media,
    p.static,
    p.templates,
    p.scripts,
    p.data,
    deps.templatesDir,
  ]
  const flags = { drafts: config.drafts, out: p.out, ...(config.future ? { future: true } : {}) }
  const lines: string[] = [version, JSON.stringify(flags)]
  const listed = await Promise.all(
    dirs.map(async (d) => (await deps.fs.walk(d)).map((f) => join(d, f))),
  )
  const files = listed.flat()
  files.push(join(p.root, CONFIG_FILE), join(p.root, BDS_PROJECT_FILE))
  const stats = await mapLimit(files, 64, (f) => deps.fs.stat(f))
  files.forEach((f, i) => {
    const s = stats[i]
    lines.push(s ? `${f}\t${s.size}\t${s.mtimeMs}` : `${f}\t-`)
  })
  return { hash: hashText(lines.join('\n')), postFiles: listed[0]?.length ?? 0 }
}

/** True when every file of the previous build, and the folder's record, is still there. */
export async function outputsIntact(writer: OutputWriter, manifest: Manifest): Promise<boolean> {
  if (manifest.size === 0 || !writer.stat(MARKER)) return false
  for (const [path, e] of manifest) {
    const s = writer.stat(path)
    if (s?.size !== e.size || s.mtimeMs !== e.mtimeMs) return false
  }
  return true
}
