// Slugs for URLs and heading ids: lower case, accents folded, runs of anything else → "-".

export function slugify(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
}

/**
 * A taxonomy name as one URL path segment: kept as written (bDS links use the name itself)
 * but with characters that cannot live in a path segment or a file name replaced by "-".
 */
export function termSegment(name: string): string {
  const segment = name
    .normalize('NFC')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
    .replace(/[/\\?#%\u0000-\u001f\u007f]/g, '-')
    .replace(/^\.+/, '')
    .trim()
  return segment || '-'
}
