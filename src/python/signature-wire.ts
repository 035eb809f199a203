// An entrypoint's declaration as a worker or the sandbox child sends it back from a check:
// checked field by field (names, types, bounded texts and counts) and rebuilt from its known
// fields only, since the peer is untrusted.

import type { DeclaredParam, Signature } from './types.js'

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const TYPES = new Set(['str', 'int', 'float', 'bool', 'any'])
const MAX_PARAMS = 100
const MAX_TEXT = 500
const isName = (v: unknown) => typeof v === 'string' && /^[A-Za-z_]\w{0,99}$/.test(v)
const isText = (v: unknown) => v === undefined || (typeof v === 'string' && v.length <= MAX_TEXT)
const isScalar = (v: unknown) =>
  typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))

function paramProblem(p: unknown): string | undefined {
  if (!isObject(p) || !isName(p.name) || !TYPES.has(p.type as string)) return 'is not a parameter'
  if (p.default !== undefined && !(isScalar(p.default) && isText(String(p.default))))
    return 'has an invalid default'
  if (!isText(p.defaultText) || !isText(p.description)) return 'has a text that is too long'
  if (p.required !== undefined && typeof p.required !== 'boolean') return 'has an invalid required'
  const choices = p.choices
  if (choices !== undefined) {
    const ok = Array.isArray(choices) && choices.length <= MAX_PARAMS
    if (!ok || !choices.every((c) => isScalar(c) && typeof c !== 'boolean' && isText(String(c))))
      return 'has invalid choices'
  }
  return undefined
}

export function signatureProblem(s: unknown): string | undefined {
  if (!isObject(s) || !Array.isArray(s.params) || s.params.length > MAX_PARAMS)
    return 'has an invalid signature'
  if (typeof s.open !== 'boolean' || !Number.isInteger(s.line) || !isText(s.doc))
    return 'has an invalid signature'
  for (const [i, p] of s.params.entries()) {
    const problem = paramProblem(p)
    if (problem) return `has a signature whose parameter ${i} ${problem}`
  }
  return undefined
}

/** A checked parameter, rebuilt from its known fields only. */
function paramOf(p: Record<string, unknown>): DeclaredParam {
  const keys = ['default', 'defaultText', 'required', 'description', 'choices'] as const
  const out: Record<string, unknown> = { name: p.name, type: p.type }
  for (const key of keys) if (p[key] !== undefined) out[key] = p[key]
  return out as unknown as DeclaredParam
}

export function signatureOf(s: Record<string, unknown>): Signature {
  const params = (s.params as Record<string, unknown>[]).map(paramOf)
  const doc = typeof s.doc === 'string' ? { doc: s.doc } : {}
  return { params, open: s.open as boolean, line: s.line as number, ...doc }
}
