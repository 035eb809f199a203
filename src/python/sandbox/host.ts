// The sandboxed PythonHost: the Pyodide pool lives in a child process under Node's
// permission model (and, where Linux allows, in namespaces with a minimal root). This side
// keeps the snapshot file, sends script sources and site data as data, checks every reply
// (replies.ts), and restarts the child when it dies, stops answering or is refused for
// speaking another wire version; the affected calls fail cleanly.

import type { ChildProcess } from 'node:child_process'
import { dedupe, failure, planOf } from '../batches.js'
import { tenths } from '../counters.js'
import { harnessSources } from '../harness.js'
import type { PythonHostOptions } from '../options.js'
import { pythonWorkerFile } from '../paths.js'
import {
  defaultCacheDir,
  discardSnapshot,
  pyodideEntry,
  readSnapshotBytes,
  snapshotFile,
  writeSnapshot,
} from '../snapshot.js'
import type {
  CheckRequest,
  CheckResult,
  PythonCallResult,
  PythonCounters,
  PythonHost,
  SiteData,
} from '../types.js'
import { graceFor } from '../watchdog.js'
import { epochMs } from '../worker/protocol.js'
import { type Channel, openChannel, stamp } from './channel.js'
import { launchChild, stderrTail, type Wrapper } from './launch.js'
import { readCheckReply, readCounters, readRunReply } from './replies.js'

export interface SandboxHost extends PythonHost {
  /** Test hook: runs JavaScript inside a child started with `probes`; any other refuses. */
  probe(source: string): Promise<unknown>
  /** The running child, for tests. */
  child(): ChildProcess | undefined
}

interface SandboxDeps {
  layer?: Wrapper
  /** Start the child with the probe test hook (the sandbox's own tests only). */
  probes?: boolean
  /** Starts a child in place of launchChild (tests: a fake child that breaks the wire). */
  launch?: () => ChildProcess
}

const START_MS = 120_000
const NO_COUNTERS: PythonCounters = {
  ...{ calls: 0, errors: 0, timeouts: 0, workerRestarts: 0, startMs: 0 },
  ...{ snapshot: false, workers: 0, byScript: {} },
}

export function createSandboxHost(options: PythonHostOptions, deps: SandboxDeps = {}): SandboxHost {
  const harness = harnessSources()
  const file = snapshotFile(options.cacheDir ?? defaultCacheDir(), harness)
  const boot = { workerFile: pythonWorkerFile, pyodideEntry: pyodideEntry(), harness }
  const silence = Math.max(10_000, options.timeoutMs + graceFor(options.timeoutMs) + 5000)
  let child: ChildProcess | undefined
  let channel: Channel | undefined
  let starting: Promise<Channel> | undefined
  let site: SiteData | undefined
  let siteText = ''
  let counters: PythonCounters | undefined
  /** The hops between this process and the child, summed over requests (PythonHops). */
  const crossing = { toChildMs: 0, fromChildMs: 0 }
  let restarts = 0
  let startMs = 0

  async function launch(): Promise<Channel> {
    const started = performance.now()
    const proc = deps.launch?.() ?? launchChild(deps.layer, { probes: deps.probes })
    child = proc
    proc.on('exit', () => {
      if (child === proc) {
        child = undefined
        starting = undefined
        restarts++
      }
    })
    try {
      const ch = await handshake(proc)
      startMs = Math.round(performance.now() - started)
      channel = ch
      return ch
    } catch (error) {
      proc.kill('SIGKILL') // a child that failed to start is ended; the next call starts afresh
      throw error
    }
  }

  /** Hello (its wire version checked), the snapshot, init and the first counters. */
  async function handshake(proc: ChildProcess): Promise<Channel> {
    const tail = stderrTail(proc)
    const why = () => (tail() ? `: ${tail().trim().split('\n').slice(-3).join(' ')}` : '')
    const ch = openChannel(proc, silence, why)
    await ch.next('hello', START_MS)
    let snapshot = options.snapshot === false ? undefined : readSnapshotBytes(file)
    if (!snapshot && options.snapshot !== false) {
      const input = {
        ...harness,
        memoryBytes: options.memoryMiB * 2 ** 20,
        pyodideEntry: boot.pyodideEntry,
      }
      ch.send({ t: 'snapshot', workerFile: boot.workerFile, input })
      const made = await ch.next('snapshot', START_MS)
      if (made.bytes instanceof Uint8Array && writeSnapshot(file, made.bytes)) snapshot = made.bytes
    }
    ch.on('snapshot-rejected', () => discardSnapshot(file))
    ch.send({ t: 'init', options, boot, snapshot })
    if (site) ch.send({ t: 'site', data: site })
    counters = readCounters(await ch.request({ t: 'req', op: 'start' }))
    return ch
  }

  const start = () => {
    starting ??= launch()
    return starting
  }

  async function run(
    calls: Parameters<PythonHost['run']>[0],
    opts?: Parameters<PythonHost['run']>[1],
  ) {
    if (calls.length === 0) return []
    // Deduplicated and encoded here: a post's data crosses once, however many tokens use it.
    const askedAt = epochMs()
    const { unique, slot } = dedupe(calls)
    let results: PythonCallResult[]
    try {
      const ch = await start()
      const message = {
        t: 'req' as const,
        op: 'run' as const,
        plan: planOf(unique),
        stream: Boolean(opts?.onOutput),
      }
      const reply = readRunReply(await ch.request(message, opts?.onOutput), unique.length)
      counters = reply.counters
      results = reply.results
      if (reply.at) {
        crossing.toChildMs += Math.max(0, reply.at[0] - askedAt)
        crossing.fromChildMs += Math.max(0, epochMs() - reply.at[1])
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      results = unique.map(() =>
        failure({ kind: 'crash', type: 'SandboxError', message, traceback: '' }),
      )
    }
    return slot.map((i) => results[i] as PythonCallResult)
  }

  async function check(scripts: readonly CheckRequest[]): Promise<CheckResult[]> {
    if (scripts.length === 0) return []
    const ch = await start()
    const reply = await ch.request({ t: 'req', op: 'check', scripts: [...scripts] })
    return readCheckReply(
      reply,
      scripts.map((s) => s.file),
    )
  }

  return {
    start: async () => {
      await start()
    },
    setSiteData(data) {
      const text = JSON.stringify(data)
      if (text === siteText) return // unchanged (watch rebuilds send it every time)
      siteText = text
      site = data
      channel?.send({ t: 'site', data })
    },
    run,
    check,
    counters: () => ({
      ...(counters ?? NO_COUNTERS),
      ...(counters?.hops ? { hops: { ...counters.hops, ...tenths(crossing) } } : {}),
      startMs,
      workerRestarts: (counters?.workerRestarts ?? 0) + restarts,
      isolation: deps.layer?.kind === 'namespaces' ? 'sandbox+namespaces' : 'sandbox',
    }),
    async stop() {
      const proc = child
      starting = undefined
      channel = undefined
      child = undefined
      if (proc && proc.exitCode === null && proc.signalCode === null) {
        const gone = new Promise((resolve) => proc.once('exit', resolve))
        if (proc.connected) proc.send(stamp({ t: 'stop' }), () => {}) // EPIPE: it is going anyway
        const timer = setTimeout(() => proc.kill('SIGKILL'), 3000)
        await gone
        clearTimeout(timer)
      }
      deps.layer?.cleanup()
    },
    async probe(source) {
      const ch = await start()
      return JSON.parse(await ch.request({ t: 'req', op: 'probe', source }))
    },
    child: () => child,
  }
}
