// Atomic file writes: bytes go to a hidden temporary file beside the target, then rename()
// swaps it in, so a reader or an interrupted build never sees half a file. Temporary files
// still open are removed by removeTempFiles() when the process is interrupted.

import { unlinkSync } from 'node:fs'
import { copyFile, open, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

const pending = new Set<string>()
let counter = 0

function tempPath(target: string): string {
  counter += 1
  return join(dirname(target), `.${basename(target)}.bds-tmp-${process.pid}-${counter}`)
}

export interface Written {
  size: number
  mtimeMs: number
}

async function swapIn(tmp: string, target: string, fill: (tmp: string) => Promise<Written>): Promise<Written> {
  pending.add(tmp)
  try {
    const stat = await fill(tmp)
    await rename(tmp, target)
    return stat
  } catch (error) {
    await unlink(tmp).catch(() => {})
    throw error
  } finally {
    pending.delete(tmp)
  }
}

export function writeFileAtomic(target: string, contents: string | Uint8Array): Promise<Written> {
  return swapIn(tempPath(target), target, async (tmp) => {
    const handle = await open(tmp, 'w', 0o644)
    try {
      await handle.writeFile(contents)
      const s = await handle.stat()
      return { size: s.size, mtimeMs: s.mtimeMs }
    } finally {
      await handle.close()
    }
  })
}

export function copyFileAtomic(from: string, target: string): Promise<Written> {
  return swapIn(tempPath(target), target, async (tmp) => {
    await copyFile(from, tmp)
    const handle = await open(tmp, 'r')
    try {
      const s = await handle.stat()
      return { size: s.size, mtimeMs: s.mtimeMs }
    } finally {
      await handle.close()
    }
  })
}

/** Synchronously deletes temporary files of writes still in flight (for signal handlers). */
export function removeTempFiles(): void {
  for (const tmp of pending) {
    try {
      unlinkSync(tmp)
    } catch {}
  }
  pending.clear()
}
