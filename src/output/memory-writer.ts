// An output folder in memory: a Map from path to bytes. Copies read their source through
// `readSource` (a memory Fs in tests). mtimes come from a counter, so every write is newer.

import type { FileStat } from '../util/fs.js'
import { checkOutputPath, MARKER } from './paths.js'
import type { OutputData, OutputWriter } from './writer.js'

export interface MemoryWriter extends OutputWriter {
  readonly files: ReadonlyMap<string, Uint8Array>
}

export function createMemoryWriter(
  readSource: (path: string) => Uint8Array,
  root = 'memory:',
): MemoryWriter {
  const files = new Map<string, { bytes: Uint8Array; mtimeMs: number }>()
  let clock = 0
  const statOf = (f: { bytes: Uint8Array; mtimeMs: number }): FileStat => ({
    size: f.bytes.byteLength,
    mtimeMs: f.mtimeMs,
  })
  const view = new Map<string, Uint8Array>()
  return {
    root,
    files: view,
    stat(path) {
      const f = files.get(path)
      return f && statOf(f)
    },
    read: (path) => files.get(path)?.bytes,
    write(path: string, data: OutputData, own = false) {
      checkOutputPath(path, own)
      const bytes =
        'bytes' in data ? data.bytes : readSource('from' in data ? data.from : data.link)
      const entry = { bytes: Uint8Array.from(bytes), mtimeMs: ++clock }
      files.set(path, entry)
      view.set(path, entry.bytes)
      return statOf(entry)
    },
    remove(path) {
      files.delete(path)
      view.delete(path)
    },
    source: readSource,
    clearTemp: () => {},
    list: () => [...files.keys()].filter((p) => p !== MARKER).sort(),
  }
}
