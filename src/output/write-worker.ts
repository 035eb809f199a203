// The writer thread: receives batches of planned files from the build and puts them on disk
// with a FileSink while the main thread goes on rendering, then reports the result.

import { parentPort, workerData } from 'node:worker_threads'
import type { Manifest } from './cache-db.js'
import { createFileSink, type PlannedFile } from './sink.js'

export type WriterMessage = { type: 'files'; files: PlannedFile[] } | { type: 'finish'; keep: string[] }

const { outDir, previous } = workerData as { outDir: string; previous: Manifest }
const sink = createFileSink(outDir, previous)

parentPort?.on('message', (message: WriterMessage) => {
  try {
    if (message.type === 'files') {
      for (const file of message.files) sink.write(file)
      parentPort?.postMessage({ type: 'ack', count: message.files.length })
    } else {
      parentPort?.postMessage({ type: 'done', result: sink.finish(message.keep) })
    }
  } catch (error) {
    parentPort?.postMessage({ type: 'error', message: (error as Error).stack ?? String(error) })
  }
})
