// The writer thread: receives batches of planned files from the build and puts them on disk
// with a FileSink while the main thread goes on rendering, then reports the result.

import { parentPort, workerData } from 'node:worker_threads'
import type { Manifest } from './cache-db.js'
import { createFileSink, type PlannedFile } from './sink.js'

export type WriterMessage =
  | { type: 'files'; files: PlannedFile[] }
  | { type: 'finish'; keep: string[] }

const { outDir, previous, force, flags } = workerData as {
  outDir: string
  previous: Manifest
  force: boolean
  /** [stop requested, busy writing]: lets an interrupted build wait for the current file. */
  flags: Int32Array
}
const sink = createFileSink(outDir, previous, { force })

parentPort?.on('message', (message: WriterMessage) => {
  try {
    if (message.type === 'files') {
      Atomics.store(flags, 1, 1)
      try {
        for (const file of message.files) {
          if (Atomics.load(flags, 0) === 1) return
          sink.write(file)
        }
      } finally {
        Atomics.store(flags, 1, 0)
        Atomics.notify(flags, 1)
      }
      parentPort?.postMessage({ type: 'ack', count: message.files.length })
    } else {
      parentPort?.postMessage({ type: 'done', result: sink.finish(message.keep) })
    }
  } catch (error) {
    parentPort?.postMessage({ type: 'error', message: (error as Error).stack ?? String(error) })
  }
})
