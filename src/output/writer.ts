// OutputWriter: the output folder as the build sees it — stat, read, write, remove and list
// files by path relative to the folder. The disk writer writes atomically (a temporary file
// renamed into place); the memory writer keeps files in a Map, for tests and previews.

import type { FileStat } from '../util/fs.js'

/**
 * Bytes to write, a source file to copy as it is, or a file to hard-link (a cached page: the
 * link gets this build's time; copied where no link can be made).
 */
export type OutputData = { bytes: Uint8Array } | { from: string } | { link: string }

export interface OutputWriter {
  /** The output folder (absolute on disk; a label in memory). */
  readonly root: string
  /** Size and mtime of a regular file, undefined when absent or not a file. */
  stat(path: string): FileStat | undefined
  /** The file's bytes, undefined when absent. */
  read(path: string): Uint8Array | undefined
  /**
   * Writes the file whole (a reader never sees it half-written); returns its new stat. Only
   * `own` writes may name bds's record file.
   */
  write(path: string, data: OutputData, own?: boolean): FileStat
  /** Removes the file and any folders it leaves empty. */
  remove(path: string): void
  /** The bytes of a source file a copy comes from (`{from}` of write). */
  source(from: string): Uint8Array
  /** Removes temporary files an interrupted build left behind. */
  clearTemp(): void
  /** Every file below the output folder, `/`-separated, sorted (not bds's own files). */
  list(): string[]
  /** Where `path` is on disk; absent for a writer that keeps its files elsewhere. */
  file?(path: string): string
}
