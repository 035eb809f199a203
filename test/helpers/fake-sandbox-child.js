// A stand-in for the sandbox child (src/python/sandbox/child.ts) that speaks the IPC wire as a
// test scenario says: another wire version, or none, and scripted replies per request kind,
// malformed ones included. Started by test/helpers/fake-sandbox.ts; no Pyodide, no pool.

const scenario = JSON.parse(process.argv[2] ?? '{}')
const stamp = (message) => (scenario.v === null ? message : { v: scenario.v, ...message })
const send = (message) => process.send?.(stamp(message))

const counters = () => ({
  calls: 0,
  errors: 0,
  timeouts: 0,
  workerRestarts: 0,
  startMs: 0,
  snapshot: false,
  workers: 1,
  byScript: {},
})

/** The reply a real child gives, with the value each request kind expects. */
function normal(m) {
  if (m.op === 'start') return counters()
  if (m.op === 'check')
    return m.scripts.map((s) => ({ file: s.file, ok: true, functions: ['render'] }))
  if (m.op === 'run') {
    const results = m.plan.calls.map(() => ({
      ok: true,
      value: 'fake',
      ...{ stdout: '', stderr: '', logs: [], ms: 0 },
    }))
    return { results, counters: counters() }
  }
  throw new Error(`no such request: ${m.op}`)
}

/** Scripted replies are used in order, then normal ones: `value` (sent as JSON text), `text` (sent as is) or `message` (a whole message; `id` is filled in). */
function reply(m) {
  const scripted = scenario.replies?.[m.op]?.shift()
  if (scripted?.message) return process.send({ id: m.id, ...scripted.message })
  if (scripted && 'text' in scripted)
    return send({ t: 'res', id: m.id, ok: true, value: scripted.text })
  const value = scripted && 'value' in scripted ? scripted.value : normal(m)
  send({ t: 'res', id: m.id, ok: true, value: JSON.stringify(value) })
}

process.on('disconnect', () => process.exit(0))
process.on('message', (m) => {
  if (m.t === 'req') reply(m)
  else if (m.t === 'ping') send({ t: 'pong', n: m.n })
  else if (m.t === 'stop') process.exit(0)
  for (const extra of scenario.after?.[m.t === 'req' ? m.op : m.t] ?? []) process.send(extra)
})
send({ t: 'hello', execArgv: process.execArgv })
