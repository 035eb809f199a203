// Finds and reads the site's settings: bds.config.json (schema-validated, every error at once
// with its line and column), else a bDS project's meta/project.json, else defaults.

import { join } from 'node:path'
import { BdsError } from '../errors/index.js'
import { isInside } from '../util/boundary.js'
import { type Fs, isMissing, nodeFs } from '../util/fs.js'
import { type JsonPos, JsonSyntaxError, parseJsonWithPositions } from '../util/json-source.js'
import { mergeConfig, type ProjectSettings, projectSettings } from './merge.js'
import type { UserConfig } from './types.js'
import { configProblems } from './validate.js'

export const CONFIG_FILE = 'bds.config.json'
export const BDS_PROJECT_FILE = 'meta/project.json'

export interface LoadedConfig {
  config: UserConfig
  /** The file it came from, relative to the root; undefined for defaults. */
  source?: string
  /** Position of each key (JSON pointer) in the source file. */
  positions: Map<string, JsonPos>
  /** The file each top-level key came from, when a bDS meta/project.json took part. */
  sources?: Map<string, string>
}

/** A settings file of the site, read only when it resolves inside the site folder. */
async function readOptional(fs: Fs, root: string, name: string): Promise<string | undefined> {
  const path = join(root, name)
  const real = await fs.realpath?.(path).catch(() => undefined)
  const site = (await fs.realpath?.(root).catch(() => undefined)) ?? root
  if (real !== undefined && !isInside(real, site)) {
    const message = `${name} is a symbolic link to ${real}, outside the site; bds does not read it.`
    throw new BdsError('BDS_SOURCE_OUTSIDE', message, { pos: { file: name, line: 0, column: 0 } })
  }
  try {
    return await fs.readText(path)
  } catch (error) {
    if (isMissing(error)) return undefined
    throw error
  }
}

function parseConfig(text: string, file: string): LoadedConfig {
  let parsed: ReturnType<typeof parseJsonWithPositions>
  try {
    parsed = parseJsonWithPositions(text)
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error
    throw new BdsError('BDS_CONFIG_PARSE', error.message, { pos: { file, ...error.pos } })
  }
  const [first, ...related] = configProblems(parsed.value, parsed.positions, file)
  if (first) {
    const { code, message, pos, hint } = first
    throw new BdsError(code, message, { pos, hint, related })
  }
  return { config: parsed.value as UserConfig, source: file, positions: parsed.positions }
}

/** A bDS meta/project.json as bds settings (config/merge.ts, as bDS reads it). */
function fromBdsProject(text: string, file: string): ProjectSettings {
  try {
    const { value } = parseJsonWithPositions(text)
    const object = value && typeof value === 'object' && !Array.isArray(value)
    return projectSettings(object ? (value as Record<string, unknown>) : {})
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error
    throw new BdsError('BDS_CONFIG_PARSE', error.message, { pos: { file, ...error.pos } })
  }
}

/** Reads the settings of the site at `root`; throws BDS_SITE_NOT_FOUND for a non-site. */
export async function loadConfig(root: string, fs: Fs = nodeFs): Promise<LoadedConfig> {
  if (!(await fs.isDir(root))) {
    const what = (await fs.stat(root)) ? 'is not a folder' : 'does not exist'
    throw new BdsError('BDS_SITE_NOT_FOUND', `The site folder ${root} ${what}.`)
  }
  const ownText = await readOptional(fs, root, CONFIG_FILE)
  const own = ownText === undefined ? undefined : parseConfig(ownText, CONFIG_FILE)
  const bds = await readOptional(fs, root, BDS_PROJECT_FILE)
  if (bds !== undefined) {
    // A bDS project: its settings, with bds.config.json's keys over them one by one.
    const merged = mergeConfig(own?.config, fromBdsProject(bds, BDS_PROJECT_FILE))
    const source = own?.source ?? BDS_PROJECT_FILE
    return {
      config: merged.config,
      source,
      positions: own?.positions ?? new Map(),
      sources: merged.sources,
    }
  }
  if (own) return own
  const markers = await Promise.all(['posts', 'pages'].map((d) => fs.isDir(join(root, d))))
  if (!markers.some(Boolean)) {
    throw new BdsError(
      'BDS_SITE_NOT_FOUND',
      `No site in ${root}: it has no ${CONFIG_FILE}, no ${BDS_PROJECT_FILE} and no posts/ or pages/ folder.`,
    )
  }
  return { config: {}, positions: new Map() }
}
