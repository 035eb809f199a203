// The Pyodide worker: Piscina loads this file in each thread with require() (an ES module
// without top-level await, so Piscina never needs its `new Function` ESM loader, which the
// sandbox forbids). It guards the thread, boots Pyodide once, and answers tasks as data.
// Started by a plain Worker with `mode: 'snapshot'`, it only makes the memory snapshot.
// Start data and tasks of another wire version are refused before anything runs.

import workerThreads from 'node:worker_threads'
import { createBatchRunner } from './batch.js'
import { type Booted, boot, makeSnapshot } from './boot.js'
import { installGuards } from './guards.js'
import {
  type SnapshotReply,
  versionProblem,
  WIRE_VERSION,
  type WorkerData,
  type WorkerReply,
  type WorkerTask,
} from './protocol.js'

const data = workerThreads.workerData as WorkerData
installGuards(data.memoryBytes)
const v = WIRE_VERSION

const refused = (message: string): WorkerReply => ({ v, kind: 'refused', message })

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
    const problem = versionProblem(task?.v, 'task')
    if (problem) return refused(problem)
    const threadId = workerThreads.threadId
    switch (task.kind) {
      case 'ping': {
        const { fromSnapshot: snapshot, fallback } = booted
        return { v, kind: 'ping', threadId, bootMs, snapshot, fallback }
      }
      case 'check':
        return { v, kind: 'check', threadId, results: runner.check(task.scripts) }
      case 'run':
        return { v, kind: 'run', threadId, ...runner.run(task) }
    }
  }
}

async function snapshotOnly(): Promise<void> {
  const port = workerThreads.parentPort
  const reply = (message: SnapshotReply, transfer: ArrayBuffer[] = []) =>
    port?.postMessage(message, transfer)
  try {
    const bytes = await makeSnapshot(data)
    reply({ v, ok: true, bytes }, [bytes.buffer as ArrayBuffer])
  } catch (error) {
    reply({ v, ok: false, message: error instanceof Error ? error.message : String(error) })
  }
}

/** Start data of another version: boot nothing, refuse every task. */
function mismatched(problem: string) {
  if (data.mode === 'snapshot') {
    workerThreads.parentPort?.postMessage({ v, ok: false, message: problem })
    return Promise.resolve(undefined)
  }
  return Promise.resolve(() => refused(problem))
}

const problem = versionProblem(data.v, 'start data')
const handler = problem
  ? mismatched(problem)
  : data.mode === 'snapshot'
    ? snapshotOnly().then(() => undefined)
    : start()
handler.catch(() => {})

export default handler
