// Requests to the sandbox child and their replies, over IPC. Every message out is stamped
// with the wire version; every message in is checked (from-child.ts): one of another version
// refuses the child as a whole (it is killed, everything open fails with the reason), a
// malformed one is dropped. An outer watchdog pings the child while requests are open and
// kills it when it stops answering; its exit fails every open request.

import type { ChildProcess } from 'node:child_process'
import { BdsError } from '../../errors/index.js'
import { CHILD, WIRE_VERSION, wireReplyError, wireVersionError } from '../wire.js'
import type { Stamped } from '../worker/protocol.js'
import { receive } from './from-child.js'
import type { FromChild, ToChild } from './protocol.js'

type OutputHandler = (stream: 'stdout' | 'stderr', text: string) => void
type Request = Extract<ToChild, { t: 'req' }>
/** A request before it gets its id (Omit that keeps the union apart). */
type Unnumbered = Request extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never
type Reply = Extract<FromChild, { t: 'res' }>

interface Pending<T> {
  resolve(value: T): void
  reject(error: Error): void
}

export interface Channel {
  send(message: ToChild): void
  request(message: Unnumbered, onOutput?: OutputHandler): Promise<string>
  /** Resolves with the first message of type `t` (or rejects after `ms`, or on exit). */
  next<T extends FromChild['t']>(t: T, ms: number): Promise<Extract<FromChild, { t: T }>>
  on(t: 'snapshot-rejected', fn: () => void): void
}

/** A message as it crosses: with this side's wire version. */
export const stamp = (message: ToChild): ToChild & Stamped => ({ ...message, v: WIRE_VERSION })

/** The codes a child may give a failure: the wire's own (anything else is plain text). */
const WIRE_CODES = new Set(['BDS_PYTHON_WIRE_VERSION', 'BDS_PYTHON_WIRE_REPLY'])

function failureOf(m: Reply): Error {
  if (m.ok) return wireReplyError(CHILD, 'a reply without a value')
  const message = m.message?.slice(0, 2000) || 'the Python sandbox sent no reason'
  if (m.code && WIRE_CODES.has(m.code))
    return new BdsError(m.code as 'BDS_PYTHON_WIRE_VERSION', message)
  return new Error(message)
}

export function openChannel(child: ChildProcess, silenceMs: number, why: () => string): Channel {
  const open = new Map<number, Pending<string> & { onOutput?: OutputHandler }>()
  const waiting = new Map<string, Pending<FromChild>>()
  const listeners = new Map<string, () => void>()
  /** Why the channel is over (refused or gone): every request from then on fails with it. */
  let closed: Error | undefined
  let nextId = 1
  let lastHeard = Date.now()
  let ping = 0

  const send = (message: ToChild) => {
    if (child.connected && !closed) child.send(stamp(message))
  }
  const close = (error: Error) => {
    closed ??= error
    for (const o of [...open.values(), ...waiting.values()]) o.reject(closed)
    open.clear()
    waiting.clear()
  }
  const watchdog = setInterval(() => {
    if (open.size === 0) return
    if (Date.now() - lastHeard > silenceMs) {
      child.kill('SIGKILL')
      close(new Error(`the Python sandbox stopped answering for ${silenceMs} ms and was restarted`))
    } else send({ t: 'ping', n: ++ping })
  }, 1000)
  watchdog.unref()

  child.on('message', (raw: unknown) => {
    const got = receive(raw)
    if (!got) return
    if ('version' in got) {
      child.kill('SIGKILL')
      return close(wireVersionError(CHILD, got.version))
    }
    lastHeard = Date.now()
    const m = got.message
    if (m.t === 'res') {
      const o = open.get(m.id)
      open.delete(m.id)
      if (m.ok && m.value !== undefined) o?.resolve(m.value)
      else o?.reject(failureOf(m))
    } else if (m.t === 'out') {
      open.get(m.id)?.onOutput?.(m.stream, m.text)
    } else {
      waiting.get(m.t)?.resolve(m)
      waiting.delete(m.t)
      listeners.get(m.t)?.()
    }
  })
  // A failed spawn or a send to a child on its way out: the exit (or this) fails what is open.
  child.on('error', (error) => close(new Error(`the Python sandbox failed: ${error.message}`)))
  child.on('exit', (code, signal) => {
    clearInterval(watchdog)
    close(new Error(`the Python sandbox exited (${signal ?? `code ${code}`})${why()}`))
  })

  return {
    send,
    request(message, onOutput) {
      const id = nextId++
      return new Promise<string>((resolve, reject) => {
        if (closed) return reject(closed)
        open.set(id, { resolve, reject, onOutput })
        lastHeard = Date.now()
        send({ ...message, id } as ToChild)
      })
    },
    next(t, ms) {
      return new Promise((resolve, reject) => {
        if (closed) return reject(closed)
        const timer = setTimeout(() => {
          waiting.delete(t)
          reject(new Error(`the Python sandbox did not start (${t})${why()}`))
        }, ms)
        const settle = (fn: () => void) => {
          clearTimeout(timer)
          fn()
        }
        waiting.set(t, {
          resolve: (m) => settle(() => resolve(m as never)),
          reject: (e) => settle(() => reject(e)),
        })
      })
    },
    on(t, fn) {
      listeners.set(t, fn)
    },
  }
}
