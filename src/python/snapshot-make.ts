// Making the memory snapshot: a throwaway worker boots a bare interpreter with the harness
// (no user code ever runs in it) and sends back the heap. Used in-process and by the
// sandbox child, which returns the bytes to the main process to store.

import { Worker } from 'node:worker_threads'
import type { HarnessSources } from './harness.js'
import { WIRE_VERSION, WORKER, wireVersionError } from './wire.js'
import type { SnapshotReply } from './worker/protocol.js'

export interface SnapshotInput extends HarnessSources {
  memoryBytes: number
  pyodideEntry: string
}

export function makeSnapshot(workerFile: string, input: SnapshotInput): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile, {
      workerData: { v: WIRE_VERSION, mode: 'snapshot', ...input },
      resourceLimits: { stackSizeMb: 16 },
      stdout: true,
      stderr: true,
    })
    worker.once('message', (reply: SnapshotReply) => {
      void worker.terminate()
      if (reply?.v !== WIRE_VERSION) reject(wireVersionError(WORKER, reply?.v))
      else if (reply.ok && reply.bytes instanceof Uint8Array) resolve(reply.bytes)
      else reject(new Error(`could not make the Pyodide snapshot: ${reply.message}`))
    })
    worker.once('error', reject)
  })
}
