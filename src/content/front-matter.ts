// Splits a content file into front matter data and Markdown body with gray-matter, parsing
// YAML with the core schema (dates stay strings so the site timezone applies later).

import matter from 'gray-matter'
import yaml from 'js-yaml'
import { BdsError } from '../errors/index.js'

export interface SplitDoc {
  data: Record<string, unknown>
  body: string
  /** 1-based line of the file on which the body starts. */
  bodyLine: number
  /** 1-based line of each top-level front matter key. */
  keyLines: Map<string, number>
}

const options = {
  engines: {
    yaml: (source: string) => yaml.load(source, { schema: yaml.CORE_SCHEMA }) as object,
  },
}

function countLines(text: string, end: number): number {
  let n = 1
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++
  return n
}

function keyLinesOf(matterText: string): Map<string, number> {
  const lines = new Map<string, number>()
  matterText.split('\n').forEach((line, index) => {
    const m = /^([A-Za-z_][\w-]*)\s*:/.exec(line)
    // matter text starts with the newline after the opening fence: index 0 is file line 1.
    if (m?.[1] && !lines.has(m[1])) lines.set(m[1], index + 1)
  })
  return lines
}

export function splitFrontMatter(source: string, file: string): SplitDoc {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source
  if (!/^---[ \t]*\r?\n/.test(text)) {
    return { data: {}, body: text, bodyLine: 1, keyLines: new Map() }
  }
  if (!/\r?\n---[ \t]*(\r?\n|$)/.test(text.slice(3))) {
    throw new BdsError(
      'BDS_FRONTMATTER_UNCLOSED',
      'The front matter opened on line 1 is never closed.',
      {
        pos: { file, line: 1, column: 1 },
      },
    )
  }
  let parsed: matter.GrayMatterFile<string>
  try {
    parsed = matter(text, options)
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark
    const reason = (error as { reason?: string }).reason ?? (error as Error).message
    throw new BdsError('BDS_FRONTMATTER_YAML', `Invalid YAML: ${reason}.`, {
      pos: { file, line: (mark?.line ?? 0) + 1, column: (mark?.column ?? 0) + 1 },
      cause: error,
    })
  }
  const data = parsed.data
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new BdsError(
      'BDS_FRONTMATTER_INVALID',
      'Front matter must be a mapping of keys to values.',
      {
        pos: { file, line: 2, column: 1 },
      },
    )
  }
  const bodyStart = text.length - parsed.content.length
  return {
    data: data as Record<string, unknown>,
    body: parsed.content,
    bodyLine: countLines(text, bodyStart),
    keyLines: keyLinesOf(parsed.matter),
  }
}
