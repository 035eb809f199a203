// The shapes of `bds ingest`: a bookmark as read, the post that transforms see and return,
// what each transform did, and the result of one ingest.

import type { BdsError } from '../errors/index.js'
import type { PythonError } from '../python/index.js'

/** A bookmark after sanitising: the URL is a clean http(s) URL, every text is clean. */
export interface Bookmark {
  url: string
  title: string
  /** Selected text from the page, '' when none. */
  text: string
  tags: string[]
  categories: string[]
  language?: string
}

/** The post as transforms get it (`transform(post, context)`) and return it. */
export interface IngestPost {
  title: string
  /** Markdown body. */
  content: string
  tags: string[]
  categories: string[]
  /** Default: from the title. */
  slug?: string
  /** Publication date, e.g. `2024-03-05` or `2024-03-05T09:30:00+01:00`; default: now. */
  date?: string
  /** More front matter keys (excerpt, author, language, template, …). */
  extra?: Record<string, unknown>
}

export interface TransformContext {
  source: 'ingest'
  url: string
}

export type TransformStatus = 'changed' | 'unchanged' | 'failed' | 'invalid'

export interface TransformReport {
  slug: string
  /** Relative to the site root, e.g. `scripts/tag_domain.py`. */
  file: string
  /** changed / unchanged (returned None or the same post), failed (raised, timed out), invalid (returned no valid post). */
  status: TransformStatus
  ms: number
  /** Messages from `bds.log()`. */
  logs: string[]
  stdout: string
  stderr: string
  error?: PythonError
  /** Why the returned value is not a valid post. */
  problems?: string[]
}

export interface IngestResult {
  /** The post file, relative to the site root (the one it would be with --dry-run). */
  file: string
  /** The whole file: front matter and body. */
  text: string
  post: IngestPost
  written: boolean
  status: 'draft' | 'published'
  transforms: TransformReport[]
  /** Input warnings and transform failures (warnings; the post was still made). */
  diagnostics: BdsError[]
}
