// Text cleaning for bookmarks and transform output: control characters removed, lone
// surrogates replaced, lengths counted in code points, and Markdown escaping so that a
// title or a quote shows as written (no raw HTML, no macro token, no link syntax).

// C0, DEL and C1: Unicode's control characters (general category Cc).
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
const CONTROL_BUT_NEWLINE_TAB = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

const wellFormed = (text: string) => text.replace(LONE_SURROGATE, '\ufffd')

/** `text` with every control character removed (also tabs and line breaks). */
export const stripControls = (text: string): string => wellFormed(text).replace(CONTROL, '')

/** `text` with control characters but the line break shown as \u escapes: safe to print. */
export const visible = (text: string): string =>
  text.replace(CONTROL_BUT_NEWLINE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)

/** One line of text: line breaks and tabs become spaces, other controls go, runs of spaces collapse. */
export function oneLine(text: string): string {
  return wellFormed(text)
    .replace(/[\t\n\v\f\r\u2028\u2029]/g, ' ')
    .replace(CONTROL, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Several lines: line breaks normalised to \n, tabs to spaces, other controls removed. */
export function multiLine(text: string): string {
  return wellFormed(text)
    .replace(/\r\n?|[\u2028\u2029\v\f]/g, '\n')
    .replace(/\t/g, ' ')
    .replace(CONTROL_BUT_NEWLINE, '')
    .replace(/[^\S\n]+$/gm, '')
    .replace(/^\n+|\n+$/g, '')
}

/** Markdown from a transform: line breaks normalised to \n, controls but tab removed, one final newline. */
export function cleanContent(text: string): string {
  return `${wellFormed(text)
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(CONTROL_BUT_NEWLINE_TAB, '')
    .replace(/\n+$/, '')}\n`
}

/** At most `max` code points (never half a surrogate pair), trailing space removed. */
export function cut(text: string, max: number): string {
  const points = Array.from(text)
  return points.length <= max ? text : points.slice(0, max).join('').trimEnd()
}

// Inline Markdown syntax, raw HTML and entities; `[` also stops `[[macro]]` tokens.
const INLINE = /[\\`*_[\]()<>!&|~]/g
// Block syntax that only counts at the start of a line: headings, lists, setext underlines.
const LINE_START = /^([#+=-]|\d+(?=[.)]))/

/** `text` as Markdown that renders as exactly this text, on one line or several. */
export function escapeMarkdown(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line.replace(INLINE, '\\$&').replace(LINE_START, (m) => (/\d/.test(m) ? `${m}\\` : `\\${m}`)),
    )
    .join('\n')
}
