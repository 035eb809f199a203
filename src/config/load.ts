// Finds and reads the site's settings: bds.config.json (schema-validated, every error at once
// with its line and column), else a bDS project's meta/project.json, else defaults.

import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { BdsError } from '../errors/index.js'
import { isMissing } from '../util/fs.js'
import { type JsonPos, JsonSyntaxError, parseJsonWithPositions } from '../util/json-source.js'
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
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8')
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
  const folder = await stat(root).catch(() => undefined)
  if (!folder?.isDirectory()) {
    const what = folder ? 'is not a folder' : 'does not exist'
    throw new BdsError('BDS_SITE_NOT_FOUND', `The site folder ${root} ${what}.`)
  }
  const own = await readOptional(join(root, CONFIG_FILE))
  if (own !== undefined) return parseConfig(own, CONFIG_FILE)
  const bds = await readOptional(join(root, BDS_PROJECT_FILE))
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
