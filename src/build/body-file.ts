// Post bodies a render worker reads from a file instead of its heap. The main thread holds
// every post's final HTML anyway (the search index, the feeds and the build cache read it);
// a worker sent a copy would hold every post's HTML a second time while it renders (about
// 4 KB a post: 380 MB at 100,000 posts). The main thread writes the bodies once into a
// private temporary file; the worker's post views read a body when a template shows it — its
// own page, its neighbours', `site.recent` — and the file is removed once the pages are done.

import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RenderedBody } from '../render/index.js'
import type { LazyBody } from '../site/index.js'
import { onStop } from '../util/stop-hooks.js'

/** What crosses to a worker: the file, each body's byte offset and length, the excerpts. */
export interface BodyFile {
  path: string
  /** `[offset, length]` of body i at `2i`, `2i + 1` (offsets may pass 2 GB). */
  spans: Float64Array
  excerpts: string[]
}

/** Bodies written at once are joined into chunks of about this many bytes. */
const CHUNK = 1 << 20

const written = new Set<string>()
onStop(() => {
  for (const dir of written) rmSync(dir, { recursive: true, force: true })
})

/**
 * Writes `bodies` (index order) into a new private file; `remove()` deletes it. When the file
 * cannot be written (no temporary folder, a full disk) the bodies cross as they are.
 */
export function shareBodies(bodies: readonly RenderedBody[]): {
  file: BodyFile | readonly RenderedBody[]
  remove(): void
} {
  let dir: string | undefined
  try {
    dir = mkdtempSync(join(tmpdir(), 'bds-bodies-'))
    written.add(dir)
    return writeBodyFile(dir, bodies)
  } catch {
    if (dir) removeDir(dir)
    return { file: bodies, remove: () => {} }
  }
}

function removeDir(dir: string): void {
  written.delete(dir)
  rmSync(dir, { recursive: true, force: true })
}

function writeBodyFile(dir: string, bodies: readonly RenderedBody[]) {
  const path = join(dir, 'bodies')
  const spans = new Float64Array(bodies.length * 2)
  const fd = openSync(path, 'wx', 0o600)
  try {
    let offset = 0
    let chunk: string[] = []
    let size = 0
    bodies.forEach((body, i) => {
      const length = Buffer.byteLength(body.html)
      spans[2 * i] = offset
      spans[2 * i + 1] = length
      offset += length
      chunk.push(body.html)
      size += length
      if (size < CHUNK) return
      writeSync(fd, chunk.join(''))
      chunk = []
      size = 0
    })
    if (chunk.length > 0) writeSync(fd, chunk.join(''))
  } finally {
    closeSync(fd)
  }
  const file: BodyFile = { path, spans, excerpts: bodies.map((b) => b.excerpt) }
  return { file, remove: () => removeDir(dir) }
}

/** The bodies of `file` as a worker's views read them; `close()` once its pages are rendered. */
export function openBodyFile(file: BodyFile | readonly RenderedBody[]): {
  bodies: readonly (RenderedBody | LazyBody)[]
  close(): void
} {
  if (!('path' in file)) return { bodies: file, close: () => {} }
  let fd: number | undefined = openSync(file.path, 'r')
  const read = (i: number): string => {
    const offset = file.spans[2 * i] as number
    const length = file.spans[2 * i + 1] as number
    if (length === 0) return ''
    if (fd === undefined) throw new Error('a post body was read after its pages were rendered')
    const bytes = Buffer.allocUnsafe(length)
    let at = 0
    while (at < length) at += readSync(fd, bytes, at, length - at, offset + at) || fail(file.path)
    return bytes.toString('utf8')
  }
  return {
    bodies: file.excerpts.map((excerpt, i) => ({ html: () => read(i), excerpt })),
    close() {
      if (fd !== undefined) closeSync(fd)
      fd = undefined
    },
  }
}

function fail(path: string): never {
  throw new Error(`${path} ended before a post body it should hold`)
}
