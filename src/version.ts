// bds's own version and install folders, found relative to this module (src/ or dist/).

import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

/** bds's install folder (with a trailing slash). */
export const bdsRoot = root

export const BDS_VERSION: string = (
  JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string }
).version

/** The bundled default theme. */
export const bundledTemplatesDir = `${root}templates`

/** Files `bds init` copies into a new site. */
export const scaffoldDir = `${root}scaffold`

/** Bundled Python scripts that `bds init` seeds into a new site's scripts/. */
export const bundledScriptsDir = `${root}scripts`

let highlighter: string | undefined

/**
 * The syntax highlighter and its version: highlighted bodies depend on it (render caches).
 * Read on first use, so a command that never builds never looks for it.
 */
export function highlighterName(): string {
  const pkg = () =>
    createRequire(import.meta.url)('highlight.js/package.json') as { version: string }
  highlighter ??= `highlight.js ${pkg().version}`
  return highlighter
}
