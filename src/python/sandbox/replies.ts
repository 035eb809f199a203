// The values of the sandbox child's replies (JSON text in a checked `res` message), read as
// untrusted data: each must have the shape its request asks for, or the reply is refused
// with BDS_PYTHON_WIRE_REPLY. Call results are rebuilt field by field (asResult).

import { asResult } from '../batches.js'
import type { PythonCounters } from '../types.js'
import { CHILD, checkOutcomes, countersProblem, parseReply, wireReplyError } from '../wire.js'
import type { CheckReply, RunReply } from './protocol.js'

function counters(raw: unknown, what: string): PythonCounters {
  const problem = countersProblem(raw)
  if (problem) throw wireReplyError(CHILD, `${what}: ${problem}`)
  return raw as PythonCounters
}

/** The reply to `start`: the pool's counters. */
export const readCounters = (text: string): PythonCounters =>
  counters(parseReply(CHILD, 'start', text), 'start')

/** The reply to `run` of `expected` calls: one result per call, in order, and the counters. */
export function readRunReply(text: string, expected: number): RunReply {
  const raw = parseReply(CHILD, 'run', text) as { results?: unknown; counters?: unknown } | null
  const results = raw?.results
  if (!Array.isArray(results) || results.length !== expected) {
    const got = Array.isArray(results) ? results.length : 'none'
    throw wireReplyError(CHILD, `run: ${expected} results were expected, got ${got}`)
  }
  const reply: RunReply = {
    results: results.map(asResult),
    counters: counters(raw?.counters, 'run'),
  }
  const at = (raw as { at?: unknown } | null)?.at
  if (Array.isArray(at) && at.length === 2 && at.every(Number.isFinite))
    reply.at = at as [number, number]
  return reply
}

/** The reply to `check`: one result per script asked about, named by the asker's own file. */
export function readCheckReply(text: string, files: readonly string[]): CheckReply {
  const outcomes = checkOutcomes(parseReply(CHILD, 'check', text), files.length)
  if (typeof outcomes === 'string') throw wireReplyError(CHILD, `check: ${outcomes}`)
  return outcomes.map((outcome, i) => ({ file: files[i] as string, ...outcome }))
}
