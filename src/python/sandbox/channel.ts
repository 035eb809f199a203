// Requests to the sandbox child and their replies, over IPC. Replies are untrusted: a reply
// that is not a string of bounded size is refused. An outer watchdog pings the child while
// requests are open and kills it when it stops answering; its exit fails every open request.

import type { ChildProcess } from 'node:child_process'
import { type FromChild, MAX_REPLY, type ToChild } from './protocol.js'

type OutputHandler = (stream: 'stdout' | 'stderr', text: string) => void
type Request = Extract<ToChild, { t: 'req' }>
/** A request before it gets its id (Omit that keeps the union apart). */
type Unnumbered = Request extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never

interface Open {
  resolve(value: string): void
  reject(error: Error): void
  onOutput?: OutputHandler
}

export interface Channel {
  send(message: ToChild): void
  request(message: Unnumbered, onOutput?: OutputHandler): Promise<string>
  /** Resolves with the first message of type `t` (or rejects after `ms`, or on exit). */
  next<T extends FromChild['t']>(t: T, ms: number): Promise<Extract<FromChild, { t: T }>>
  on(t: 'snapshot-rejected', fn: () => void): void
}

export function openChannel(child: ChildProcess, silenceMs: number, why: () => string): Channel {
  const open = new Map<number, Open>()
  const waiting = new Map<string, (m: FromChild) => void>()
  const listeners = new Map<string, () => void>()
  let nextId = 1
  let lastHeard = Date.now()
  let ping = 0

  const send = (message: ToChild) => {
    if (child.connected) child.send(message)
  }
  const fail = (error: Error) => {
    for (const o of open.values()) o.reject(error)
    open.clear()
  }
  const watchdog = setInterval(() => {
    if (open.size === 0) return
    if (Date.now() - lastHeard > silenceMs) {
      child.kill('SIGKILL')
      fail(new Error(`the Python sandbox stopped answering for ${silenceMs} ms and was restarted`))
    } else send({ t: 'ping', n: ++ping })
  }, 1000)
  watchdog.unref()

  child.on('message', (m: FromChild) => {
    lastHeard = Date.now()
    if (typeof m !== 'object' || m === null || typeof m.t !== 'string') return
    if (m.t === 'res') {
      const o = open.get(m.id)
      if (!o) return
      open.delete(m.id)
      const ok = m.ok === true && typeof m.value === 'string' && m.value.length <= MAX_REPLY
      if (ok) o.resolve(m.value as string)
      else
        o.reject(
          new Error(
            typeof m.message === 'string'
              ? m.message.slice(0, 2000)
              : 'the Python sandbox sent an invalid reply',
          ),
        )
    } else if (m.t === 'out') {
      if (typeof m.text === 'string')
        open.get(m.id)?.onOutput?.(m.stream === 'stderr' ? 'stderr' : 'stdout', m.text)
    } else {
      waiting.get(m.t)?.(m)
      listeners.get(m.t)?.()
    }
  })
  child.on('exit', (code, signal) => {
    clearInterval(watchdog)
    const error = new Error(`the Python sandbox exited (${signal ?? `code ${code}`})${why()}`)
    fail(error)
    for (const w of waiting.values()) w({ t: 'snapshot', message: error.message })
  })

  return {
    send,
    request(message, onOutput) {
      const id = nextId++
      return new Promise<string>((resolve, reject) => {
        open.set(id, { resolve, reject, onOutput })
        lastHeard = Date.now()
        send({ ...message, id } as ToChild)
      })
    },
    next(t, ms) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`the Python sandbox did not start (${t})${why()}`)),
          ms,
        )
        waiting.set(t, (m) => {
          clearTimeout(timer)
          waiting.delete(t)
          if (child.exitCode !== null || child.signalCode !== null)
            reject(new Error(`the Python sandbox exited${why()}`))
          else resolve(m as never)
        })
      })
    },
    on(t, fn) {
      listeners.set(t, fn)
    },
  }
}
