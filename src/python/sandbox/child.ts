// The sandbox child: started by the main process under Node's permission model (read access
// to bds's own install only, no code generation from strings, an empty environment). It
// hosts the Pyodide pool and answers the main process over IPC; it never reads the site.
// Every message carries the wire version; requests of another version are refused.

import { isBdsError } from '../../errors/index.js'
import { callsOf } from '../batches.js'
import { createPoolHost, type PoolHost } from '../pool.js'
import { makeSnapshot } from '../snapshot-make.js'
import { WIRE_VERSION } from '../wire.js'
import { epochMs } from '../worker/protocol.js'
import { type FromChild, PROBE_ARG, type ToChild } from './protocol.js'

const send = (message: FromChild) => process.send?.({ ...message, v: WIRE_VERSION })
let host: PoolHost | undefined
/** Test hook, off in production: only a child started with PROBE_ARG loads the probe module. */
const probes = process.argv.includes(PROBE_ARG) ? import('./probe.js') : undefined

// The main process is gone (even SIGKILLed): so is the reason to live.
process.on('disconnect', () => process.exit(0))

async function answer(id: number, work: () => Promise<unknown>): Promise<void> {
  try {
    send({ t: 'res', id, ok: true, value: JSON.stringify(await work()) })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    send({ t: 'res', id, ok: false, message, code: isBdsError(error) ? error.code : undefined })
  }
}

function need(): PoolHost {
  if (!host) throw new Error('the sandbox was not initialised')
  return host
}

async function onRequest(m: Extract<ToChild, { t: 'req' }>): Promise<void> {
  switch (m.op) {
    case 'start':
      return answer(m.id, async () => {
        await need().start()
        return need().counters()
      })
    case 'run': {
      const onOutput = m.stream
        ? (stream: 'stdout' | 'stderr', text: string) => send({ t: 'out', id: m.id, stream, text })
        : undefined
      const readAt = epochMs()
      return answer(m.id, async () => {
        const calls = callsOf(m.plan)
        if (!calls) throw new Error('the run request does not hold together')
        const results = await need().runEncoded(calls, { onOutput })
        return { results, counters: need().counters(), at: [readAt, epochMs()] }
      })
    }
    case 'check':
      return answer(m.id, () => need().check(m.scripts))
    case 'probe':
      return answer(m.id, async () => {
        if (!probes) throw new Error('this sandbox child takes no probes')
        return await (await probes).runProbe(m.source)
      })
  }
}

/** A message of another wire version: a request gets the reason, anything else is dropped. */
function refuse(m: { t?: unknown; id?: unknown; v?: unknown }): void {
  if (m.t !== 'req' || !Number.isSafeInteger(m.id)) return
  const message = `The Python sandbox speaks wire version ${WIRE_VERSION} but was sent version ${JSON.stringify(m.v) ?? 'none'}: bds and its sandbox come from different builds.`
  send({ t: 'res', id: m.id as number, ok: false, message, code: 'BDS_PYTHON_WIRE_VERSION' })
}

function onMessage(m: ToChild): void {
  switch (m.t) {
    case 'snapshot':
      makeSnapshot(m.workerFile, m.input).then(
        (bytes) => send({ t: 'snapshot', bytes }),
        (error: Error) => send({ t: 'snapshot', message: error.message }),
      )
      return
    case 'init': {
      const bytes = m.snapshot
      host = createPoolHost(m.options, {
        ...m.boot,
        async snapshot() {
          if (!bytes) return undefined
          const shared = new SharedArrayBuffer(bytes.length)
          new Uint8Array(shared).set(bytes)
          return shared
        },
        rejectSnapshot: () => send({ t: 'snapshot-rejected' }),
      })
      return
    }
    case 'site':
      need().setSiteData(m.data)
      return
    case 'ping':
      send({ t: 'pong', n: m.n })
      return
    case 'req':
      void onRequest(m)
      return
    case 'stop':
      void (host?.stop() ?? Promise.resolve()).finally(() => process.exit(0))
  }
}

process.on('message', (raw: unknown) => {
  if (typeof raw !== 'object' || raw === null) return
  const m = raw as ToChild & { v?: unknown }
  if (m.v === WIRE_VERSION) onMessage(m)
  else refuse(m)
})

send({ t: 'hello', execArgv: process.execArgv })
