// Sanitising a bookmark before any script sees it (issue #7, rule 2): control characters
// stripped; the URL an http(s) URL without credentials or fragment, at most 2048 characters;
// the title trimmed to 200 characters, else the host name; tags and categories trimmed,
// de-duplicated, non-empty. Then the first post: a link to the URL and the quoted selection.

import { domainToUnicode } from 'node:url'
import { BdsError } from '../errors/index.js'
import type { RawBookmark } from './input.js'
import { cut, escapeMarkdown, multiLine, oneLine, stripControls } from './text.js'
import type { Bookmark, IngestPost } from './types.js'

export const MAX_URL = 2048
export const MAX_TITLE = 200
const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/

const invalid = (code: 'BDS_INGEST_URL' | 'BDS_INGEST_INPUT', message: string, hint?: string) =>
  new BdsError(code, `${message} Nothing was written.`, { hint })

const shown = (text: string) =>
  JSON.stringify(cut(text, 80) + (Array.from(text).length > 80 ? '…' : ''))

/** The bookmark's URL as bds keeps it, or a BDS_INGEST_URL error saying why not. */
export function sanitizeUrl(raw: string): URL {
  const text = stripControls(raw).trim()
  if (!text) throw invalid('BDS_INGEST_URL', 'The bookmark has no URL ("url" is empty).')
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw invalid(
      'BDS_INGEST_URL',
      `${shown(text)} is not a URL bds can link to: it must be an absolute address.`,
    )
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw invalid(
      'BDS_INGEST_URL',
      `The URL ${shown(text)} uses "${url.protocol}"; a bookmark must link to an http: or https: address.`,
    )
  url.username = ''
  url.password = ''
  url.hash = ''
  if (url.href.length > MAX_URL)
    throw invalid(
      'BDS_INGEST_URL',
      `The URL is ${url.href.length} characters long; at most ${MAX_URL} are allowed.`,
      'Shorten the URL (drop tracking parameters) and try again.',
    )
  return url
}

/** Trimmed, one line each, empty ones dropped, duplicates (ignoring case) dropped. */
export function cleanTerms(terms: readonly string[]): string[] {
  const seen = new Set<string>()
  return terms
    .map(oneLine)
    .filter((t) => t && !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase()))
}

export function sanitizeBookmark(raw: RawBookmark): Bookmark {
  const url = sanitizeUrl(raw.url)
  const language = oneLine(raw.language ?? '')
  if (language && !LANGUAGE.test(language))
    throw invalid(
      'BDS_INGEST_INPUT',
      `The bookmark's language ${shown(language)} is not a language tag.`,
      'Use a BCP 47 tag such as "en", "de" or "pt-BR", or leave "language" out.',
    )
  return {
    url: url.href,
    title: cut(oneLine(raw.title ?? ''), MAX_TITLE) || domainToUnicode(url.hostname) || url.host,
    text: multiLine(raw.text ?? ''),
    tags: cleanTerms(raw.tags ?? []),
    categories: cleanTerms(raw.categories ?? []),
    ...(language ? { language } : {}),
  }
}

/** `[title](url)`, then the selected text as a quote. */
export function initialBody(title: string, url: string, text: string): string {
  const destination = /[\s()<>]/.test(url) ? `<${url}>` : url
  const link = `[${escapeMarkdown(title)}](${destination})`
  const selection = text.trim()
  if (!selection) return `${link}\n`
  const quote = selection
    .split('\n')
    .map((line) => line.trim())
    .filter((line, i, lines) => line || lines[i - 1])
    .map((line) => (line ? `> ${escapeMarkdown(line)}` : '>'))
  return `${link}\n\n${quote.join('\n')}\n`
}

/** The post the first transform gets. */
export function initialPost(b: Bookmark): IngestPost {
  return {
    title: b.title,
    content: initialBody(b.title, b.url, b.text),
    tags: b.tags,
    categories: b.categories,
    ...(b.language ? { extra: { language: b.language } } : {}),
  }
}
