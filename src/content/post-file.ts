// What a new post file looks like, shared by `bds new` and `bds ingest`: its folder
// posts/YYYY/MM/ (in the site timezone) and its front matter. Values are written as JSON,
// which YAML reads as they are, so no title, tag or URL can break out of its line.

import { pad2, zonedParts } from '../util/time.js'

/** `posts/YYYY/MM`, the month of `date` in `timeZone` (bDS's layout). */
export function postFolder(date: Date, timeZone: string): string {
  const t = zonedParts(date, timeZone)
  return `posts/${t.year}/${pad2(t.month)}`
}

/** One `key: value` line; strings, lists and objects as JSON, other values as written. */
export function frontMatterLine(key: string, value: unknown): string {
  return `${key}: ${typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value)}`
}

/** A whole post file: front matter between `---` lines, a blank line, then the body. */
export function renderPostFile(fields: Record<string, unknown>, body: string): string {
  const lines = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => frontMatterLine(k, v))
  return `---\n${lines.join('\n')}\n---\n\n${body.replace(/\n*$/, '\n')}`
}
