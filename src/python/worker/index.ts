// The Pyodide worker: Piscina loads this file in each thread with require() (an ES module
// without top-level await, so Piscina never needs its `new Function` ESM loader, which the
// sandbox forbids). It guards the thread, boots Pyodide once, and answers tasks as data.
// Started by a plain Worker with `mode: 'snapshot'`, it only makes the memory snapshot.

import workerThreads from 'node:worker_threads'
import { createBatchRunner } from './batch.js'
import { type Booted, boot, makeSnapshot } from './boot.js'
import { installGuards } from './guards.js'
import type { WorkerData, WorkerReply, WorkerTask } from './protocol.js'

const data = workerThreads.workerData as WorkerData
installGuards(data.memoryBytes)

async function start(): Promise<(task: WorkerTask) => WorkerReply> {
  const started = performance.now()
  let booted: Booted
  try {
    booted = await boot(data)
  } catch (error) {
    // Answer every task with the reason instead of failing the thread's start over and over.
    const message = `Pyodide did not start: ${error instanceof Error ? error.message : String(error)}`
    return () => {
      throw new Error(message)
    }
  }
  const bootMs = performance.now() - started
  const runner = createBatchRunner(booted.py)
  return (task: WorkerTask): WorkerReply => {
    const threadId = workerThreads.threadId
    switch (task.kind) {
      case 'ping':
        return {
          kind: 'ping',
          threadId,
          bootMs,
          snapshot: booted.fromSnapshot,
          fallback: booted.fallback,
        }
      case 'check':
        return { kind: 'check', threadId, results: runner.check(task.scripts) }
      case 'run':
        return { kind: 'run', threadId, ...runner.run(task) }
    }
  }
}

async function snapshotOnly(): Promise<void> {
  const port = workerThreads.parentPort
  try {
    const bytes = await makeSnapshot(data)
    port?.postMessage({ ok: true, bytes }, [bytes.buffer as ArrayBuffer])
  } catch (error) {
    port?.postMessage({
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    })
  }
}

const handler = data.mode === 'snapshot' ? snapshotOnly().then(() => undefined) : start()
handler.catch(() => {})

export default handler
