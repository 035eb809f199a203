// Reads a bDS project's meta/ files where bDS reads them: meta/category-meta.json (else the
// legacy categoryMetadata in meta/project.json), meta/categories.json, meta/tags.json
// (rfc1437/bDS src/main/engine/MetaEngine.ts, PreviewServer.ts loadTagColorByName).

import { join } from 'node:path'
import { BdsError } from '../../errors/index.js'
import { type Fs, isMissing } from '../../util/fs.js'
import { type CategoryMetaMap, categoryKey, resolveCategoryMeta } from './category-meta.js'

export interface BdsTag {
  name: string
  color?: string
  postTemplateSlug?: string
}

export interface BdsMeta {
  categoryMeta: CategoryMetaMap
  /** meta/categories.json: trimmed, lower-cased, non-empty, sorted (MetaEngine.loadCategories). */
  categories: string[]
  /** meta/tags.json entries (TagEngine): name plus optional colour and post template. */
  tags: BdsTag[]
  diagnostics: BdsError[]
}

/** Parses JSON text; a syntax error is a warning and the value undefined, as in bDS. */
function parse(text: string | undefined, file: string, diagnostics: BdsError[]): unknown {
  if (text === undefined) return undefined
  try {
    return JSON.parse(text)
  } catch (error) {
    const message = `${file} is not valid JSON (${(error as Error).message}); bDS's defaults are used.`
    const pos = { file, line: 1, column: 1 }
    diagnostics.push(new BdsError('BDS_CONFIG_PARSE', message, { pos, severity: 'warning' }))
    return undefined
  }
}

/** meta/categories.json as bDS keeps it. */
export function parseCategories(value: unknown): string[] {
  if (!Array.isArray(value)) return []
  const names = value.filter((v): v is string => typeof v === 'string').map(categoryKey)
  return [...new Set(names.filter(Boolean))].sort()
}

/** meta/tags.json: `[{name, color?, postTemplateSlug?}]`; plain strings are read as names. */
export function parseTags(value: unknown): BdsTag[] {
  if (!Array.isArray(value)) return []
  return value.flatMap((v): BdsTag[] => {
    const entry = typeof v === 'string' ? { name: v } : (v as Record<string, unknown> | null)
    const name = typeof entry?.name === 'string' ? entry.name.trim() : ''
    if (!name) return []
    const color = typeof entry?.color === 'string' ? entry.color : undefined
    const template = entry?.postTemplateSlug
    return [
      {
        name,
        ...(color ? { color } : {}),
        ...(typeof template === 'string' ? { postTemplateSlug: template } : {}),
      },
    ]
  })
}

/** Reads meta/*.json under `root`; missing files give bDS's defaults. */
export async function readBdsMeta(root: string, fs: Fs): Promise<BdsMeta> {
  const read = async (name: string) => {
    try {
      return await fs.readText(join(root, 'meta', name))
    } catch (error) {
      if (isMissing(error)) return undefined
      throw error
    }
  }
  const [catMeta, project, cats, tags] = await Promise.all(
    ['category-meta.json', 'project.json', 'categories.json', 'tags.json'].map(read),
  )
  const diagnostics: BdsError[] = []
  const categories = parseCategories(parse(cats, 'meta/categories.json', diagnostics))
  const fromFile = parse(catMeta, 'meta/category-meta.json', diagnostics)
  const p = (parse(project, 'meta/project.json', diagnostics) ?? {}) as Record<string, unknown>
  const legacy = p.categoryMetadata ?? p.categorySettings
  return {
    categoryMeta: resolveCategoryMeta(fromFile ?? legacy, categories),
    categories,
    tags: parseTags(parse(tags, 'meta/tags.json', diagnostics)),
    diagnostics,
  }
}
