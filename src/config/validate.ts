// Checks a parsed bds.config.json against its JSON Schema and returns every problem at once,
// each at the line and column of its key, with "did you mean" for a mistyped key.

import type { ErrorObject } from 'ajv'
import { BdsError } from '../errors/index.js'
import type { JsonPos } from '../util/json-source.js'
import { suggest } from '../util/suggest.js'
import { isValidTimeZone } from '../util/time.js'
import { configChecks } from './checks.js'
import { validate } from './config-validator.gen.js'
import { configSchema } from './schema.js'

type Schema = { properties?: Record<string, Schema>; additionalProperties?: Schema | boolean }

/** The keys the schema allows in the object at `pointer` ("" for the top level). */
function keysAt(pointer: string): string[] {
  let schema: Schema | undefined = configSchema as Schema
  for (const part of pointer.split('/').slice(1)) {
    const more: Schema['additionalProperties'] = schema?.additionalProperties
    schema = schema?.properties?.[part] ?? (typeof more === 'object' ? more : undefined)
  }
  return Object.keys(schema?.properties ?? {})
}

const dotted = (pointer: string) => pointer.slice(1).replace(/\//g, '.')

function valueAt(value: unknown, pointer: string): unknown {
  let v = value
  for (const part of pointer.split('/').slice(1))
    v = (v as Record<string, unknown> | undefined)?.[part]
  return v
}

function describe(error: ErrorObject, value: unknown): { pointer: string; message: string } {
  const named = error.propertyName ?? (error.params as { propertyName?: string }).propertyName
  if (named !== undefined) {
    const pointer = `${error.instancePath}/${named}`
    const message = `The name "${named}" must start with a lower-case letter and hold only a-z, 0-9 and _.`
    return { pointer, message }
  }
  if (error.keyword === 'additionalProperties') {
    const extra = String(error.params.additionalProperty)
    const pointer = `${error.instancePath}/${extra}`
    const near = suggest(extra, keysAt(error.instancePath))
    const mean = near ? ` Did you mean "${dotted(`${error.instancePath}/${near}`)}"?` : ''
    return { pointer, message: `Unknown key "${dotted(pointer)}".${mean}` }
  }
  const found = valueAt(value, error.instancePath)
  const shown = found === undefined ? '' : ` (found ${JSON.stringify(found)})`
  const key = dotted(error.instancePath) || '(root)'
  return { pointer: error.instancePath, message: `Key "${key}" ${error.message}${shown}.` }
}

/** Errors that only say a oneOf branch did not fit, where another branch named the real problem. */
const SHAPE = new Set(['type', 'const', 'oneOf'])
const deeperKnown = (errors: readonly ErrorObject[]) => (error: ErrorObject) =>
  !SHAPE.has(error.keyword) ||
  !errors.some((e) => e.instancePath.startsWith(`${error.instancePath}/`))

/** Every problem of `value` as a BdsError at its key's position, in file order. */
export function configProblems(
  value: unknown,
  positions: Map<string, JsonPos>,
  file: string,
): BdsError[] {
  const found = new Map<string, string>()
  if (!validate(value)) {
    const errors = validate.errors ?? []
    for (const error of errors.filter(deeperKnown(errors))) {
      const { pointer, message } = describe(error, value)
      if (!found.has(pointer)) found.set(pointer, message)
    }
  }
  for (const [pointer, message] of configChecks(value))
    if (!found.has(pointer)) found.set(pointer, message)
  const zone = (value as { timezone?: unknown } | null)?.timezone
  if (typeof zone === 'string' && zone && !isValidTimeZone(zone) && !found.has('/timezone'))
    found.set('/timezone', `Unknown timezone "${zone}".`)
  const at = (pointer: string) => positions.get(pointer) ?? { line: 1, column: 1 }
  return [...found]
    .map(([pointer, message]) => ({ message, pos: { file, ...at(pointer) }, pointer }))
    .sort((a, b) => a.pos.line - b.pos.line || a.pos.column - b.pos.column)
    .map(({ message, pos, pointer }) => {
      const hint =
        pointer === '/timezone'
          ? 'Use an IANA zone name such as "UTC", "Europe/Berlin" or "America/New_York".'
          : undefined
      return new BdsError('BDS_CONFIG_INVALID', message, { pos, hint })
    })
}
