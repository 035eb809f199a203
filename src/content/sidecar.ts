// parseSidecar: a media `{file}.meta` read line by line as bDS's MediaEngine.readSidecarFile
// does (rfc1437/bDS src/main/engine/MediaEngine.ts), plus the YAML forms bDS would misread.

/** The fields of a bDS media sidecar (MediaEngine's MediaMetadata). */
export interface SidecarData {
  id?: string
  originalName?: string
  mimeType?: string
  size?: number
  width?: number
  height?: number
  title?: string
  alt?: string
  caption?: string
  author?: string
  createdAt?: string
  updatedAt?: string
  tags: string[]
  linkedPostIds: string[]
}

export interface SidecarProblem {
  message: string
  /** 1-based line in the sidecar. */
  line: number
}

export interface ParsedSidecar {
  data: SidecarData
  /** 1-based line of each key that was read. */
  lines: Map<string, number>
  /** What bDS would reject: a missing id, originalName or mimeType. */
  problems: SidecarProblem[]
}

type TextKey = 'id' | 'originalName' | 'mimeType' | 'title' | 'alt' | 'caption' | 'author'
type IntKey = 'size' | 'width' | 'height'
type ListKey = 'tags' | 'linkedPostIds'

const textKeys = new Set<string>(['id', 'originalName', 'mimeType', 'title', 'alt', 'caption'])
const dateKeys = new Set<string>(['createdAt', 'updatedAt'])
const intKeys = new Set<string>(['size', 'width', 'height'])
const listKeys = new Set<string>(['tags', 'linkedPostIds'])
const required = ['id', 'originalName', 'mimeType'] as const

/**
 * A scalar as bDS reads it: trimmed, one pair of surrounding `"` removed, nothing unescaped
 * (bDS writes captions with `"` inside unescaped). YAML single quotes are also removed, with
 * `''` read as `'`, since bDS's own writer never produces them.
 */
export function sidecarScalar(raw: string): string {
  const value = raw.trim()
  if (value.startsWith('"') && value.endsWith('"')) return value.slice(1, -1)
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) {
    return value.slice(1, -1).replace(/''/g, "'")
  }
  return value
}

/** `["a", "b"]` as bDS splits it (on commas, every `"` dropped); a bare scalar is one item. */
function sidecarList(raw: string): string[] {
  const value = raw.trim()
  const inner = /\[(.*)\]/.exec(value)?.[1]
  const parts = inner !== undefined ? inner.split(',') : value ? [value] : []
  return parts.map((p) => sidecarScalar(p.trim().replace(/"/g, ''))).filter((p) => p.length > 0)
}

/** Parses the text of a `.meta` sidecar; never throws. */
export function parseSidecar(source: string): ParsedSidecar {
  const data: SidecarData = { tags: [], linkedPostIds: [] }
  const lines = new Map<string, number>()
  let openList: ListKey | undefined
  source.split('\n').forEach((rawLine, index) => {
    const line = rawLine.replace(/\r$/, '')
    if (line === '---') return
    const item = /^\s*-\s+(.*)$/.exec(line)
    if (item && openList) {
      // A YAML block sequence under `tags:` or `linkedPostIds:` (bDS writes `[...]`).
      const value = sidecarScalar(item[1] as string)
      if (value) data[openList].push(value)
      return
    }
    const colon = line.indexOf(':')
    if (colon === -1) return
    const key = line.slice(0, colon).trim()
    const raw = line.slice(colon + 1)
    openList = undefined
    if (textKeys.has(key) || key === 'author') data[key as TextKey] = sidecarScalar(raw)
    else if (dateKeys.has(key)) data[key as 'createdAt'] = sidecarScalar(raw)
    else if (intKeys.has(key)) {
      const n = Number.parseInt(sidecarScalar(raw), 10)
      data[key as IntKey] = Number.isNaN(n) ? undefined : n
    } else if (listKeys.has(key)) {
      data[key as ListKey] = sidecarList(raw)
      if (!raw.trim()) openList = key as ListKey
    } else return
    lines.set(key, index + 1)
  })
  const problems = required
    .filter((key) => !data[key])
    .map((key) => ({
      message: `has no ${key}; bDS would not import it`,
      line: lines.get(key) ?? 1,
    }))
  return { data, lines, problems }
}
