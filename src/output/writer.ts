// createWriter: the build's side of the writer thread. Files are sent in batches as they are
// rendered; finish() resolves with what was written. On an interrupt, removeTempFiles()
// deletes the temporary files of writes that were still in flight.

import { unlinkSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { Manifest } from './cache-db.js'
import { type PlannedFile, tempName, type WriteResult } from './sink.js'
import type { WriterMessage } from './write-worker.js'

export interface Writer {
  write(file: PlannedFile): void
  finish(keep: readonly string[]): Promise<WriteResult>
}

const BATCH = 64
const inFlight = new Set<{ outDir: string; paths: string[] }>()

export function createWriter(outDir: string, previous: Manifest): Writer {
  const worker = new Worker(new URL('./write-worker.js', import.meta.url), { workerData: { outDir, previous } })
  let batch: PlannedFile[] = []
  let transfer: ArrayBuffer[] = []
  const encoder = new TextEncoder()
  const sent: { outDir: string; paths: string[] }[] = []
  let failure: Error | undefined
  let resolveDone: (r: WriteResult) => void = () => {}
  let rejectDone: (e: Error) => void = () => {}
  const done = new Promise<WriteResult>((res, rej) => ((resolveDone = res), (rejectDone = rej)))
  worker.on('message', (m: { type: string; count?: number; result?: WriteResult; message?: string }) => {
    if (m.type === 'ack') {
      const acked = sent.shift()
      if (acked) inFlight.delete(acked)
    } else if (m.type === 'done') resolveDone(m.result as WriteResult)
    else rejectDone((failure = new Error(`writer thread failed: ${m.message}`)))
  })
  worker.on('error', (e) => rejectDone((failure = e)))
  const post = (message: WriterMessage) => worker.postMessage(message)
  const flush = () => {
    if (batch.length === 0) return
    const record = { outDir, paths: batch.map((f) => f.path) }
    sent.push(record)
    inFlight.add(record)
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
        await worker.terminate()
      }
    },
  }
}

/** Synchronously deletes temporary files of writes still in flight (for signal handlers). */
export function removeTempFiles(): void {
  for (const { outDir, paths } of inFlight) {
    for (const path of paths) {
      try {
        unlinkSync(tempName(join(outDir, path), process.pid))
      } catch {}
    }
  }
  inFlight.clear()
}
