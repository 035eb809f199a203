// Translation files: `posts/YYYY/MM/slug.LANG.md` whose front matter has `translationFor` (the
// id of the post it translates), `language` and `title` — read as bDS's
// readPostTranslationFile does (rfc1437/bDS src/main/engine/postTranslationFileUtils.ts).

import { BdsError } from '../errors/index.js'
import { splitFrontMatter } from './front-matter.js'
import type { PostStatus } from './types.js'

/** One translation of a post: never a post of its own. */
export interface Translation {
  /** Source file relative to the site root. */
  file: string
  /** Id of the post it translates. */
  translationFor: string
  /** Language code as written, trimmed (compare lower-cased). */
  language: string
  title: string
  excerpt?: string
  /** `published` unless the file says otherwise; bDS writes translation files on publish. */
  status: PostStatus
  body: string
  bodyLine: number
  data: Record<string, unknown>
  keyLines: Map<string, number>
}

const required = ['translationFor', 'language', 'title'] as const

/** True for front matter bDS treats as a translation (detected by `translationFor`, not by name). */
export function isTranslationData(data: Record<string, unknown>): boolean {
  return data.translationFor !== undefined && data.translationFor !== null
}

/** Cheap check on the raw text, before any parsing: does the front matter name `translationFor`? */
export function looksLikeTranslation(source: string): boolean {
  const end = source.indexOf('\n---', 3)
  return /^\uFEFF?---/.test(source) && /^translationFor\s*:/m.test(source.slice(0, end))
}

const text = (v: unknown) =>
  typeof v === 'string' || typeof v === 'number' ? String(v).trim() : ''

/**
 * Parses a translation file. A missing translationFor, language or title (bDS skips such a
 * file) throws BDS_TRANSLATION_INVALID at the key's line, or line 1 when the key is absent.
 */
export function parseTranslation(source: string, file: string): Translation {
  const split = splitFrontMatter(source, file)
  const { data, keyLines } = split
  for (const key of required) {
    if (!text(data[key])) {
      const line = keyLines.get(key) ?? 1
      throw new BdsError(
        'BDS_TRANSLATION_INVALID',
        `The translation file has no ${key}; bDS would skip it.`,
        { pos: { file, line, column: 1 } },
      )
    }
  }
  const status = data.status
  return {
    file,
    translationFor: text(data.translationFor),
    language: text(data.language),
    title: text(data.title),
    excerpt: text(data.excerpt) || undefined,
    status: status === 'draft' || status === 'archived' ? status : 'published',
    body: split.body,
    bodyLine: split.bodyLine,
    data,
    keyLines,
  }
}
