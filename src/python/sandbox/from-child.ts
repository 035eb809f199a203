// A message from the sandbox child, checked before the main process reads it: its wire
// version first (a message of another version, or of none, means a child of another build
// and is refused as a whole), then the fields its kind must have. Anything else is dropped.

import { WIRE_VERSION } from '../wire.js'
import { type FromChild, MAX_REPLY, MAX_SNAPSHOT } from './protocol.js'

type Received = { message: FromChild } | { version: unknown } | undefined

type Fields = Record<string, unknown>
const text = (v: unknown, max = MAX_REPLY) => typeof v === 'string' && v.length <= max
const optional = (v: unknown, check: (v: unknown) => boolean) => v === undefined || check(v)
const isId = (v: unknown) => Number.isSafeInteger(v)
const isBytes = (v: unknown) => v instanceof Uint8Array && v.length <= MAX_SNAPSHOT

const KINDS: Record<FromChild['t'], (m: Fields) => boolean> = {
  hello: (m) => Array.isArray(m.execArgv) && m.execArgv.every((a) => text(a, 4096)),
  snapshot: (m) => optional(m.bytes, isBytes) && optional(m.message, text),
  'snapshot-rejected': () => true,
  pong: (m) => isId(m.n),
  out: (m) => isId(m.id) && (m.stream === 'stdout' || m.stream === 'stderr') && text(m.text),
  res: (m) =>
    isId(m.id) &&
    typeof m.ok === 'boolean' &&
    optional(m.value, text) &&
    optional(m.message, text) &&
    optional(m.code, (c) => text(c, 100)),
}

export function receive(raw: unknown): Received {
  if (typeof raw !== 'object' || raw === null) return undefined
  const m = raw as Fields
  if (typeof m.t !== 'string') return undefined
  if (m.v !== WIRE_VERSION) return { version: m.v }
  const valid = Object.hasOwn(KINDS, m.t) && KINDS[m.t as FromChild['t']](m)
  return valid ? { message: m as FromChild } : undefined
}
