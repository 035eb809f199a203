// A bDS project with a bds.config.json: meta/project.json mapped to bds settings as bDS reads
// it (rfc1437/bDS MetaEngine.ts normalizeProjectMetadata, BlogGenerationEngine.ts), merged
// with bds.config.json key by key (bds.config.json wins), and the timezone notice.

import type { UserConfig } from './types.js'

/** Settings a bDS project.json can give; `languages` is bDS's `blogLanguages`. */
export interface ProjectSettings extends UserConfig {
  languages?: string[]
}

export interface MergedConfig {
  config: ProjectSettings
  /** Which file each top-level key came from. */
  sources: Map<string, string>
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined)

/** bDS's clampMaxPostsPerPage: a number floored into 1..500; absent or below 1 → 50. */
export function bdsPostsPerPage(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 50
  const n = Math.floor(value)
  return n < 1 ? 50 : Math.min(n, 500)
}

/** bDS's resolvePublicBaseUrl: http(s) origin plus path without trailing slashes. */
export function bdsPublicUrl(value: unknown): string | undefined {
  const raw = text(value)
  if (!raw) return undefined
  try {
    const url = new URL(raw)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
  } catch {
    return undefined
  }
}

/**
 * meta/project.json as bds settings. Feeds hold `maxPostsPerPage` items in bDS, so feedItems
 * follows postsPerPage; `blogLanguages` other than the main language become `languages`.
 */
export function projectSettings(project: Record<string, unknown>): ProjectSettings {
  const language = text(project.mainLanguage)
  const main = (language ?? 'en').toLowerCase()
  const extra = Array.isArray(project.blogLanguages)
    ? project.blogLanguages.flatMap((l) => text(l)?.toLowerCase() ?? []).filter((l) => l !== main)
    : []
  const postsPerPage = bdsPostsPerPage(project.maxPostsPerPage)
  const settings: ProjectSettings = {
    title: text(project.name),
    description: text(project.description),
    url: bdsPublicUrl(project.publicUrl),
    language,
    author: text(project.defaultAuthor),
    postsPerPage,
    feedItems: postsPerPage,
    languages: extra.length ? [...new Set(extra)] : undefined,
  }
  for (const key of Object.keys(settings) as (keyof ProjectSettings)[]) {
    if (settings[key] === undefined) delete settings[key]
  }
  return settings
}

/** project.json settings overlaid by bds.config.json, key by key; either may be missing. */
export function mergeConfig(
  own: ProjectSettings | undefined,
  project: ProjectSettings | undefined,
  files = { own: 'bds.config.json', project: 'meta/project.json' },
): MergedConfig {
  const sources = new Map<string, string>()
  const config: Record<string, unknown> = {}
  for (const [settings, file] of [
    [project, files.project],
    [own, files.own],
  ] as const) {
    for (const [key, value] of Object.entries(settings ?? {})) {
      if (value === undefined) continue
      config[key] = value
      sources.set(key, file)
    }
  }
  return { config: config as ProjectSettings, sources }
}

/**
 * The notice a bDS project gets once per build when no timezone is set: bDS placed posts by
 * the computer's local zone, bds uses `zone`. Undefined when the timezone was set.
 */
export function timezoneNotice(merged: MergedConfig, zone: string): string | undefined {
  if (merged.sources.has('timezone')) return undefined
  if (![...merged.sources.values()].includes('meta/project.json')) return undefined
  return (
    `This bDS project sets no timezone, so post dates and /YYYY/MM/DD/ URLs use ${zone}. ` +
    'bDS used the local zone of the computer it ran on; to keep its URLs, set "timezone" ' +
    '(e.g. "Europe/Berlin") in a bds.config.json beside meta/ — bds.config.json and ' +
    'meta/project.json are merged, bds.config.json winning key by key.'
  )
}
