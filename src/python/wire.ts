// The versioned wire between the main process, the sandbox child and the workers, seen from
// the receiving side: the errors for a peer of another wire version or a malformed reply,
// and checks of the replies that are not call results (those are rebuilt by asResult).
// No ajv here: the sandbox child, which checks its workers' replies too, cannot compile it.

import { BdsError } from '../errors/index.js'
import { signatureOf, signatureProblem } from './signature-wire.js'
import type { CheckResult } from './types.js'
import { WIRE_VERSION } from './worker/protocol.js'

export { WIRE_VERSION }

/** The peers, as error messages name them. */
export const WORKER = 'The Python worker'
export const CHILD = 'The Python sandbox'

/** `peer` speaks another wire version than this bds: refused as a whole, never half read. */
export function wireVersionError(peer: string, got: unknown): BdsError {
  const theirs = typeof got === 'number' ? `wire version ${got}` : 'no wire version'
  return new BdsError(
    'BDS_PYTHON_WIRE_VERSION',
    `${peer} speaks ${theirs}, but this bds speaks wire version ${WIRE_VERSION}: they come from different builds of bds, so nothing was sent to it.`,
  )
}

/** `peer` sent a reply that is not what the wire allows; `problem` says what is wrong. */
export const wireReplyError = (peer: string, problem: string): BdsError =>
  new BdsError('BDS_PYTHON_WIRE_REPLY', `${peer} sent an invalid reply: ${problem}.`)

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const isCount = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0
const isStrings = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string')

const COUNTS = ['calls', 'errors', 'timeouts', 'workerRestarts', 'startMs', 'workers'] as const
const ISOLATION = new Set([undefined, 'sandbox+namespaces', 'sandbox', 'in-process'])

/** Undefined when `raw` is PythonCounters, else what is wrong with it. */
export function countersProblem(raw: unknown): string | undefined {
  if (!isObject(raw)) return 'the counters are not an object'
  const bad = COUNTS.find((key) => !isCount(raw[key]))
  if (bad) return `counters.${bad} is not a count`
  if (typeof raw.snapshot !== 'boolean') return 'counters.snapshot is not a boolean'
  if (!ISOLATION.has(raw.isolation as string)) return 'counters.isolation is unknown'
  if (!isObject(raw.byScript)) return 'counters.byScript is not an object'
  const hops = raw.hops
  if (hops !== undefined && !(isObject(hops) && Object.values(hops).every(isCount)))
    return 'counters.hops are not times'
  for (const [slug, t] of Object.entries(raw.byScript)) {
    if (!isObject(t) || !isCount(t.calls) || !isCount(t.p50Ms) || !isCount(t.p95Ms))
      return `counters.byScript[${JSON.stringify(slug.slice(0, 80))}] is not a timing`
  }
  return undefined
}

/** The part of a CheckResult a worker makes (the file name is the asker's own). */
export type CheckOutcome = Omit<CheckResult, 'file'>

function outcomeProblem(raw: unknown): string | undefined {
  if (!isObject(raw) || typeof raw.ok !== 'boolean') return 'is not a check result'
  if (!isStrings(raw.functions)) return 'has functions that are not names'
  const p = raw.params
  const count = (n: unknown) => n === null || (Number.isInteger(n) && (n as number) >= 0)
  if (p !== undefined && !(isObject(p) && Object.values(p).every(count)))
    return 'has parameter counts that are not counts'
  if (raw.signature !== undefined) {
    const problem = signatureProblem(raw.signature)
    if (problem) return problem
  }
  const e = raw.error
  if (e === undefined || e === null) return undefined
  const where = isObject(e) && Number.isInteger(e.line) && Number.isInteger(e.column)
  return where && typeof e.message === 'string' ? undefined : 'has an invalid error'
}

/** One check outcome per script asked about, or what is wrong with `raw`. */
export function checkOutcomes(raw: unknown, count: number): CheckOutcome[] | string {
  if (!Array.isArray(raw) || raw.length !== count)
    return `${count} check results were expected, got ${Array.isArray(raw) ? raw.length : 'none'}`
  for (const [i, r] of raw.entries()) {
    const problem = outcomeProblem(r)
    if (problem) return `check result ${i} ${problem}`
  }
  const results = raw as Record<string, unknown>[]
  return results.map(({ ok, functions, params, error: e, signature: s }) => ({
    ok: ok as boolean,
    functions: [...(functions as string[])],
    ...(isObject(params) ? { params: Object.fromEntries(Object.entries(params)) } : {}),
    ...(isObject(e) ? { error: { message: `${e.message}`, line: e.line, column: e.column } } : {}),
    ...(isObject(s) ? { signature: signatureOf(s) } : {}),
  })) as CheckOutcome[]
}

/** JSON text of a `what` reply from a peer, parsed; text that is not JSON is refused. */
export function parseReply(peer: string, what: string, text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    throw wireReplyError(peer, `${what}: it is not JSON`)
  }
}
