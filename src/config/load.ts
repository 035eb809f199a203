// Finds and reads the site's settings: bds.config.json (schema-validated, errors with line
// and column), else a bDS project's meta/project.json, else defaults.

import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { Ajv, type ErrorObject } from 'ajv'
import { BdsError } from '../errors/index.js'
import { isInside, realOf } from '../util/boundary.js'
import { isMissing } from '../util/fs.js'
import { type JsonPos, JsonSyntaxError, parseJsonWithPositions } from '../util/json-source.js'
import { configSchema } from './schema.js'
import type { UserConfig } from './types.js'

export const CONFIG_FILE = 'bds.config.json'
export const BDS_PROJECT_FILE = 'meta/project.json'

export interface LoadedConfig {
  config: UserConfig
  /** The file it came from, relative to the root; undefined for defaults. */
  source?: string
  /** Position of each key (JSON pointer) in the source file. */
  positions: Map<string, JsonPos>
}

/** A settings file of the site, read only when it resolves inside the site folder. */
async function readOptional(root: string, name: string): Promise<string | undefined> {
  const path = join(root, name)
  const real = realOf(path)
  const site = realOf(root) ?? root
  if (real !== undefined && !isInside(real, site)) {
    const message = `${name} is a symbolic link to ${real}, outside the site; bds does not read it.`
    throw new BdsError('BDS_SOURCE_OUTSIDE', message, { pos: { file: name, line: 0, column: 0 } })
  }
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    if (isMissing(error)) return undefined
    throw error
  }
}

let validate: ReturnType<Ajv['compile']> | undefined

function describe(error: ErrorObject): { pointer: string; message: string } {
  const key = error.instancePath.slice(1).replace(/\//g, '.')
  if (error.keyword === 'additionalProperty' || error.keyword === 'additionalProperties') {
    const extra = String(error.params.additionalProperty)
    const pointer = `${error.instancePath}/${extra}`
    return { pointer, message: `Unknown key "${pointer.slice(1).replace(/\//g, '.')}".` }
  }
  return { pointer: error.instancePath, message: `Key "${key || '(root)'}" ${error.message}` }
}

function found(value: unknown, pointer: string): string {
  let v = value
  for (const part of pointer.split('/').slice(1))
    v = (v as Record<string, unknown> | undefined)?.[part]
  return v === undefined ? '' : ` (found ${JSON.stringify(v)})`
}

function parseConfig(text: string, file: string): LoadedConfig {
  let parsed: ReturnType<typeof parseJsonWithPositions>
  try {
    parsed = parseJsonWithPositions(text)
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error
    throw new BdsError('BDS_CONFIG_PARSE', error.message, { pos: { file, ...error.pos } })
  }
  validate ??= new Ajv({ allErrors: true }).compile(configSchema)
  if (!validate(parsed.value)) {
    const first = describe(validate.errors?.[0] as ErrorObject)
    const pos = parsed.positions.get(first.pointer) ?? { line: 1, column: 1 }
    const message = first.message.endsWith('.')
      ? first.message
      : `${first.message}${found(parsed.value, first.pointer)}.`
    throw new BdsError('BDS_CONFIG_INVALID', message, { pos: { file, ...pos } })
  }
  return { config: parsed.value as UserConfig, source: file, positions: parsed.positions }
}

/** Maps a bDS meta/project.json onto bds settings. */
function fromBdsProject(text: string, file: string): LoadedConfig {
  const { value, positions } = (() => {
    try {
      return parseJsonWithPositions(text)
    } catch (error) {
      if (!(error instanceof JsonSyntaxError)) throw error
      throw new BdsError('BDS_CONFIG_PARSE', error.message, { pos: { file, ...error.pos } })
    }
  })()
  const p = (value ?? {}) as Record<string, unknown>
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined)
  const max = Number(p.maxPostsPerPage)
  const config: UserConfig = {
    title: str(p.name),
    description: str(p.description),
    url: str(p.publicUrl),
    language: str(p.mainLanguage),
    author: str(p.defaultAuthor),
    postsPerPage: Number.isInteger(max) ? Math.min(500, Math.max(1, max)) : undefined,
  }
  for (const key of Object.keys(config) as (keyof UserConfig)[]) {
    if (config[key] === undefined) delete config[key]
  }
  return { config, source: file, positions }
}

/** Reads the settings of the site at `root`; throws BDS_SITE_NOT_FOUND for a non-site. */
export async function loadConfig(root: string): Promise<LoadedConfig> {
  const own = await readOptional(root, CONFIG_FILE)
  if (own !== undefined) return parseConfig(own, CONFIG_FILE)
  const bds = await readOptional(root, BDS_PROJECT_FILE)
  if (bds !== undefined) return fromBdsProject(bds, BDS_PROJECT_FILE)
  const markers = await Promise.all(
    ['posts', 'pages'].map((d) =>
      stat(join(root, d)).then(
        (s) => s.isDirectory(),
        () => false,
      ),
    ),
  )
  if (!markers.some(Boolean)) {
    throw new BdsError(
      'BDS_SITE_NOT_FOUND',
      `No site in ${root}: it has no ${CONFIG_FILE}, no ${BDS_PROJECT_FILE} and no posts/ or pages/ folder.`,
    )
  }
  return { config: {}, positions: new Map() }
}
