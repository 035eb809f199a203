// A Pyodide worker's reply, checked before the pool uses it: the worker's wire version, a
// refusal (it was sent another version), then the fields its kind must have.

import { BdsError } from '../errors/index.js'
import { WIRE_VERSION, WORKER, wireReplyError, wireVersionError } from './wire.js'
import type { WorkerReply } from './worker/protocol.js'

type Kind = Exclude<WorkerReply['kind'], 'refused'>
type ReplyOf<K extends Kind> = Extract<WorkerReply, { kind: K }>

const FIELDS: { [K in Kind]: [string, 'boolean' | 'number' | 'string'][] } = {
  ping: [
    ['bootMs', 'number'],
    ['snapshot', 'boolean'],
  ],
  check: [['results', 'string']],
  run: [
    ['results', 'string'],
    ['recycle', 'boolean'],
    ['heapBytes', 'number'],
  ],
}

/** The reply of kind `kind`, or the BdsError that refuses it. */
export function readWorkerReply<K extends Kind>(raw: unknown, kind: K): ReplyOf<K> | BdsError {
  if (typeof raw !== 'object' || raw === null) return wireReplyError(WORKER, `no ${kind} reply`)
  const r = raw as Record<string, unknown>
  if (r.v !== WIRE_VERSION) return wireVersionError(WORKER, r.v)
  if (r.kind === 'refused')
    return new BdsError(
      'BDS_PYTHON_WIRE_VERSION',
      `${WORKER} refused the task: ${String(r.message).slice(0, 500)}.`,
    )
  if (r.kind !== kind) return wireReplyError(WORKER, `a ${String(r.kind)} reply to a ${kind} task`)
  const fields: [string, string][] = [['threadId', 'number'], ...FIELDS[kind]]
  const bad = fields.find(([key, type]) => typeof r[key] !== type)
  if (bad) return wireReplyError(WORKER, `its ${kind} reply has no ${bad[0]}`)
  return r as ReplyOf<K>
}
