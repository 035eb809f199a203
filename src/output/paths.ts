// Output paths: relative, `/`-separated, inside the output folder. A path that is absolute,
// climbs out with `..`, or names bds's own bookkeeping files is refused before any IO.

/** bds's own files in the output folder: the ownership record and the temporary folder. */
export const MARKER = '.bds-output.json'
export const TEMP_DIR = '.bds-tmp'

/** Why `path` may not be written or removed in the output folder, or undefined when it may. */
export function unsafeOutputPath(path: string): string | undefined {
  if (path === '' || path.startsWith('/') || /^[a-zA-Z]:/.test(path) || path.includes('\\'))
    return 'it is not a relative path'
  const parts = path.split('/')
  if (parts.some((p) => p === '' || p === '.' || p === '..')) return 'it leaves the output folder'
  if (parts[0] === MARKER || parts[0] === TEMP_DIR) return 'it is one of bds’s own files'
  if (path.includes('\0')) return 'it holds a NUL character'
  return undefined
}

/** Throws for an unsafe path; `own` allows bds's record file. */
export function checkOutputPath(path: string, own = false): void {
  if (own && path === MARKER) return
  const why = unsafeOutputPath(path)
  if (why) throw new Error(`"${path}" cannot be an output path: ${why}.`)
}
