// Data files: `data/NAME.json`, `.yaml` or `.yml` at the top of data/, parsed for templates
// (`site.data.NAME`) and Python (`bds.data("NAME")`); a bad file is an error at its line and
// column and its name is left out, the rest of the site builds.

import { join } from 'node:path'
import yaml from 'js-yaml'
import type { ResolvedConfig } from '../config/index.js'
import { BdsError, isBdsError } from '../errors/index.js'
import { type Fs, type SkippedLink, skippedLinkWarning } from '../util/fs.js'
import { hashText } from '../util/hash.js'
import { JsonSyntaxError, parseJsonWithPositions } from '../util/json-source.js'

export interface DataFiles {
  /** Each file's value by name (the file name without its extension). */
  values: Readonly<Record<string, unknown>>
  /** A hash of each name's file, for what depends on one name (the macros that read it). */
  hashes: Readonly<Record<string, string>>
  diagnostics: BdsError[]
}

export const noData: DataFiles = Object.freeze({
  values: Object.freeze({}),
  hashes: Object.freeze({}),
  diagnostics: [],
})

const DATA_FILE = /^([^/]+)\.(json|ya?ml)$/i

/** One file's value; a syntax error becomes BDS_DATA_PARSE at its position. */
export function parseDataFile(text: string, file: string): unknown {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (/\.json$/i.test(file)) {
    try {
      return JSON.parse(source)
    } catch {
      try {
        return parseJsonWithPositions(source).value
      } catch (error) {
        if (!(error instanceof JsonSyntaxError)) throw error
        throw new BdsError('BDS_DATA_PARSE', `Invalid JSON: ${error.message}`, {
          pos: { file, ...error.pos },
        })
      }
    }
  }
  try {
    return yaml.load(source, { schema: yaml.CORE_SCHEMA, filename: file }) ?? null
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark
    const reason = (error as { reason?: string }).reason ?? (error as Error).message
    throw new BdsError('BDS_DATA_PARSE', `Invalid YAML: ${reason}.`, {
      pos: { file, line: (mark?.line ?? 0) + 1, column: (mark?.column ?? 0) + 1 },
    })
  }
}

/** Reads every data file of the site (none when there is no data folder). */
export async function readDataFiles(config: ResolvedConfig, fs: Fs): Promise<DataFiles> {
  const { root, data } = config.paths
  const diagnostics: BdsError[] = []
  const report = (skip: SkippedLink) => diagnostics.push(skippedLinkWarning(root, skip))
  const values: Record<string, unknown> = {}
  const hashes: Record<string, string> = {}
  const seen = new Map<string, string>()
  for (const name of await fs.walk(data, report)) {
    const match = DATA_FILE.exec(name)
    if (!match) continue
    const key = match[1] as string
    const file = `data/${name}`
    const first = seen.get(key)
    if (first) {
      const message = `${first} and ${file} both give the data "${key}"; ${file} was left out.`
      diagnostics.push(
        new BdsError('BDS_DATA_DUPLICATE', message, { pos: { file, line: 1, column: 1 } }),
      )
      continue
    }
    seen.set(key, file)
    try {
      const text = await fs.readText(join(data, name))
      values[key] = parseDataFile(text, file)
      hashes[key] = hashText(text)
    } catch (error) {
      const pos = { file, line: 1, column: 1 }
      const message = `Cannot read ${file}: ${(error as Error).message}`
      diagnostics.push(isBdsError(error) ? error : new BdsError('BDS_DATA_PARSE', message, { pos }))
    }
  }
  return { values: Object.freeze(values), hashes: Object.freeze(hashes), diagnostics }
}

/** Names whose data differs between two reads (added, removed or changed). */
export function changedData(before: DataFiles, after: DataFiles): Set<string> {
  const names = new Set([...Object.keys(before.hashes), ...Object.keys(after.hashes)])
  return new Set([...names].filter((n) => before.hashes[n] !== after.hashes[n]))
}
