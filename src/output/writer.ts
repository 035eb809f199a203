// createWriter: the build's side of the writer thread. Files are sent in batches as they are
// rendered; finish() resolves with what was written. stopWriters() halts them on an interrupt.

import { Worker } from 'node:worker_threads'
import type { Manifest } from './cache-db.js'
import type { PlannedFile, WriteResult } from './sink.js'
import type { WriterMessage } from './write-worker.js'

export interface Writer {
  write(file: PlannedFile): void
  finish(keep: readonly string[]): Promise<WriteResult>
}

const BATCH = 64
const active = new Set<Int32Array>()

export function createWriter(outDir: string, previous: Manifest, force = false): Writer {
  const flags = new Int32Array(new SharedArrayBuffer(8))
  active.add(flags)
  const worker = new Worker(new URL('./write-worker.js', import.meta.url), {
    workerData: { outDir, previous, force, flags },
  })
  let batch: PlannedFile[] = []
  let transfer: ArrayBuffer[] = []
  const encoder = new TextEncoder()
  let failure: Error | undefined
  const done = new Promise<WriteResult>((resolve, reject) => {
    const fail = (error: Error) => {
      failure = error
      reject(error)
    }
    worker.on('message', (m: { type: string; result?: WriteResult; message?: string }) => {
      if (m.type === 'done') resolve(m.result as WriteResult)
      else if (m.type === 'error') fail(new Error(`writer thread failed: ${m.message}`))
    })
    worker.on('error', fail)
  })
  const post = (message: WriterMessage) => worker.postMessage(message)
  const flush = () => {
    if (batch.length === 0) return
    worker.postMessage({ type: 'files', files: batch } satisfies WriterMessage, transfer)
    batch = []
    transfer = []
  }
  return {
    write(file) {
      if (failure) return
      if (typeof file.contents === 'string') {
        // Encoded here and transferred, not cloned: the writer thread gets the bytes for free.
        const bytes = encoder.encode(file.contents)
        transfer.push(bytes.buffer as ArrayBuffer)
        file = { ...file, contents: bytes }
      }
      batch.push(file)
      if (batch.length >= BATCH) flush()
    },
    async finish(keep) {
      flush()
      post({ type: 'finish', keep: [...keep] })
      try {
        return await done
      } finally {
        active.delete(flags)
        await worker.terminate()
      }
    },
  }
}

/**
 * For signal handlers: asks every writer thread to stop after the file it is writing (each
 * file is written to a temporary name and renamed, so none is left half-written) and
 * blocks until they have, at most two seconds.
 */
export function stopWriters(): void {
  for (const flags of active) {
    Atomics.store(flags, 0, 1)
    const deadline = Date.now() + 2000
    while (Atomics.load(flags, 1) === 1 && Date.now() < deadline) Atomics.wait(flags, 1, 1, 100)
  }
  active.clear()
}
