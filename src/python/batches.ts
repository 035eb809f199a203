// Calls → batches and back. Identical calls (same script version and arguments) run once;
// the unique calls are cut into batches that cross to a worker as one JSON string each,
// and every reply is checked as untrusted data before it becomes a PythonCallResult.

import type { PythonCall, PythonCallResult, PythonError, ScriptSource } from './types.js'

const scriptKey = (s: ScriptSource) => `${s.id}:${s.hash}`

/**
 * An object argument whose fields cross apart: a field that many calls share (a macro
 * context's `env`) is encoded, sent and parsed once per batch instead of once per call. The
 * script receives the same dict as if the whole object had been sent.
 */
export class FieldsArgument {
  constructor(readonly fields: Readonly<Record<string, unknown>>) {}
  /** As JSON, the object itself (what the script receives). */
  toJSON() {
    return this.fields
  }
}

/** An argument as JSON text, or as its fields' JSON texts (a FieldsArgument). */
export type EncodedArg = string | [string, string][]

/** A call with its arguments already as JSON text. */
export interface EncodedCall {
  script: ScriptSource
  texts: EncodedArg[]
  /** Its keyword arguments as a JSON object, when it has any. */
  kw?: string
}

interface Planned {
  /** The distinct calls to run. */
  unique: EncodedCall[]
  /** For each input call, its index in `unique`. */
  slot: number[]
}

/** Encodes every argument once (an object passed to many calls, like a post, only once). */
export function dedupe(calls: readonly PythonCall[]): Planned {
  const textOf = new WeakMap<object, string>()
  const encode = (arg: unknown): string => {
    if (arg === null || typeof arg !== 'object') return JSON.stringify(arg) ?? 'null'
    let text = textOf.get(arg)
    if (text === undefined) {
      text = JSON.stringify(arg)
      textOf.set(arg, text)
    }
    return text
  }
  // Each distinct argument text gets a small number, so a call's key stays short.
  const textIds = new Map<string, number>()
  const idOf = (text: string) => {
    let id = textIds.get(text)
    if (id === undefined) {
      id = textIds.size
      textIds.set(text, id)
    }
    return id
  }
  const encodeArg = (arg: unknown): EncodedArg =>
    arg instanceof FieldsArgument
      ? Object.entries(arg.fields).map(([name, value]) => [name, encode(value)])
      : encode(arg)
  const argId = (arg: EncodedArg) =>
    typeof arg === 'string'
      ? idOf(arg)
      : arg.map(([name, text]) => `${name}=${idOf(text)}`).join('&')
  const seen = new Map<string, number>()
  const unique: EncodedCall[] = []
  const slot = calls.map(({ script, args, kwargs }) => {
    const texts = args.map(encodeArg)
    const kw = kwargs && Object.keys(kwargs).length > 0 ? JSON.stringify(kwargs) : undefined
    const key = `${scriptKey(script)}\0${texts.map(argId).join(',')}\0${kw === undefined ? '' : idOf(kw)}`
    let index = seen.get(key)
    if (index === undefined) {
      index = unique.push(kw === undefined ? { script, texts } : { script, texts, kw }) - 1
      seen.set(key, index)
    }
    return index
  })
  return { unique, slot }
}

/** Enough batches to keep every worker busy with a few in flight, at most `max` calls each. */
export function chunk<T>(items: readonly T[], workers: number, max = 100): T[][] {
  const size = Math.max(1, Math.min(max, Math.ceil(items.length / (workers * 4))))
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/** Distinct calls with each script and each argument text once: what crosses to a worker or to the sandbox. */
export interface CallPlan {
  scripts: Record<string, ScriptSource>
  values: string[]
  /**
   * Each argument is an index in `values`, or a list of [field, index] pairs (an object sent
   * field by field); `kw`: the index of the call's keyword arguments (a JSON object).
   */
  calls: { key: string; args: PlannedArg[]; kw?: number }[]
}

export type PlannedArg = number | [string, number][]

export function planOf(calls: readonly EncodedCall[]): CallPlan {
  const scripts: Record<string, ScriptSource> = {}
  const values: string[] = []
  const seen = new Map<string, number>()
  const ref = (text: string) => {
    let index = seen.get(text)
    if (index === undefined) {
      index = values.push(text) - 1
      seen.set(text, index)
    }
    return index
  }
  const list = calls.map(({ script, texts, kw }) => {
    const key = scriptKey(script)
    scripts[key] ??= script
    const args = texts.map(
      (t): PlannedArg =>
        typeof t === 'string'
          ? ref(t)
          : t.map(([name, text]): [string, number] => [name, ref(text)]),
    )
    return kw === undefined ? { key, args } : { key, args, kw: ref(kw) }
  })
  return { scripts, values, calls: list }
}

/** The calls of a plan that came over IPC; undefined when it does not hold together. */
export function callsOf(plan: CallPlan): EncodedCall[] | undefined {
  const calls: EncodedCall[] = []
  const valueAt = (i: unknown) => (typeof i === 'number' ? plan.values[i] : undefined)
  const textOf = (arg: PlannedArg): EncodedArg | undefined => {
    if (!Array.isArray(arg)) return valueAt(arg)
    const fields: [string, string][] = []
    for (const field of arg) {
      const text = Array.isArray(field) ? valueAt(field[1]) : undefined
      if (typeof field[0] !== 'string' || text === undefined) return undefined
      fields.push([field[0], text])
    }
    return fields
  }
  for (const { key, args, kw } of plan.calls) {
    const script = plan.scripts[key]
    const texts = Array.isArray(args) ? args.map(textOf) : [undefined]
    const kwText = kw === undefined ? undefined : plan.values[kw]
    if (!script || texts.some((t) => t === undefined)) return undefined
    if (kw !== undefined && typeof kwText !== 'string') return undefined
    const call = { script, texts: texts as EncodedArg[] }
    calls.push(kwText === undefined ? call : { ...call, kw: kwText })
  }
  return calls
}

/**
 * One batch as JSON for a worker: each script's source once, each distinct argument once (a
 * post's data is sent once however many of its tokens call Python), calls as indexes into
 * both. Values travel as JSON text; the worker parses each once per batch and gives every
 * call its own copy, so no call can change another's input.
 */
export function batchJson(calls: readonly EncodedCall[]): string {
  const plan = planOf(calls)
  const scripts: Record<string, unknown> = {}
  for (const [key, { file, slug, source, entrypoint }] of Object.entries(plan.scripts)) {
    scripts[key] = { file, slug, source, entrypoint }
  }
  return JSON.stringify({ ...plan, scripts })
}

export function failure(error: PythonError): PythonCallResult {
  return { ok: false, error, stdout: '', stderr: '', logs: [], reads: [], ms: 0 }
}

const KINDS = new Set(['exception', 'timeout', 'memory', 'crash', 'missing', 'output'])
const text = (v: unknown) => (typeof v === 'string' ? v : '')

function toError(raw: unknown): PythonError {
  const e = (raw ?? {}) as Record<string, unknown>
  const kind = KINDS.has(e.kind as string) ? (e.kind as PythonError['kind']) : 'crash'
  const line = typeof e.line === 'number' && Number.isInteger(e.line) ? e.line : undefined
  return {
    kind,
    type: text(e.type) || 'Error',
    message: text(e.message),
    traceback: text(e.traceback),
    ...(line ? { line } : {}),
  }
}

function toResult(raw: unknown): PythonCallResult {
  const wrapped = (raw ?? {}) as { ms?: unknown; r?: unknown }
  return asResult({ ...((wrapped.r as object) ?? {}), ms: wrapped.ms })
}

/** Most reads a result may name; a longer list stands for "everything" (never a cache hit). */
export const MAX_READS = 2000

const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : [])

/** A result that crossed from an untrusted peer, checked field by field. */
export function asResult(raw: unknown): PythonCallResult {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>
  const reads = strings(r.reads)
  const base = {
    stdout: text(r.stdout),
    stderr: text(r.stderr),
    logs: strings(r.logs),
    reads: reads.length > MAX_READS ? ['*'] : reads,
    ms: typeof r.ms === 'number' ? r.ms : 0,
  }
  if (r.ok === true) return { ok: true, value: r.value ?? null, ...base }
  return { ok: false, error: toError(r.error), ...base }
}

const MALFORMED: PythonError = {
  kind: 'crash',
  type: 'ProtocolError',
  message: 'the Python worker sent a malformed reply',
  traceback: '',
}

/**
 * Parses a worker's JSON results; anything malformed becomes a crash result per call. A batch
 * a fatal error ended early has fewer results than calls (never none, never more).
 */
export function parseResults(json: string, expected: number): PythonCallResult[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(json)
  } catch {
    parsed = undefined
  }
  if (!Array.isArray(parsed) || parsed.length === 0 || parsed.length > expected) {
    return Array.from({ length: expected }, () => failure(MALFORMED))
  }
  return parsed.map(toResult)
}
