// The sandbox child: started by the main process under Node's permission model (read access
// to bds's own install only, no code generation from strings, an empty environment). It
// hosts the Pyodide pool and answers the main process over IPC; it never reads the site.

import { runInThisContext } from 'node:vm'
import { callsOf } from '../batches.js'
import { createPoolHost, type PoolHost } from '../pool.js'
import { makeSnapshot } from '../snapshot-make.js'
import type { FromChild, ToChild } from './protocol.js'

const send = (message: FromChild) => process.send?.(message)
let host: PoolHost | undefined
let testHooks = false

// The main process is gone (even SIGKILLed): so is the reason to live.
process.on('disconnect', () => process.exit(0))

async function answer(id: number, work: () => Promise<unknown>): Promise<void> {
  try {
    send({ t: 'res', id, ok: true, value: JSON.stringify(await work()) })
  } catch (error) {
    send({
      t: 'res',
      id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    })
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
      return answer(m.id, async () => {
        const calls = callsOf(m.plan)
        if (!calls) throw new Error('the run request does not hold together')
        const results = await need().runEncoded(calls, { onOutput })
        return { results, counters: need().counters() }
      })
    }
    case 'check':
      return answer(m.id, () => need().check(m.scripts))
    case 'probe':
      // Test hook (enabled by the main process only for the sandbox's own tests): runs JS
      // in the child to show what a compromised child could and could not do.
      return answer(m.id, async () => {
        if (!testHooks) throw new Error('probes are disabled')
        return await runInThisContext(m.source)
      })
  }
}

process.on('message', (m: ToChild) => {
  switch (m.t) {
    case 'snapshot':
      makeSnapshot(m.workerFile, m.input).then(
        (bytes) => send({ t: 'snapshot', bytes }),
        (error: Error) => send({ t: 'snapshot', message: error.message }),
      )
      return
    case 'init': {
      testHooks = m.testHooks === true
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
})

send({ t: 'hello', execArgv: process.execArgv })
