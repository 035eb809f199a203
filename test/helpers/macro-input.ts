// Hand-made inputs for built-in macro tests: a post, a site (options off, no media, no
// tags) and a call at posts/a.md:7:3, each overridable.

import type { Post } from '../../src/content/index.js'
import type { MacroInput, MacroParams, MacroSite, MediaItem } from '../../src/macros/index.js'

export const testPost: Post = {
  kind: 'post',
  file: 'posts/a.md',
  id: 'post-a',
  title: 'A',
  untitled: false,
  slug: 'a',
  status: 'published',
  date: new Date('2024-05-01T10:00:00Z'),
  updated: new Date('2024-05-01T10:00:00Z'),
  dated: true,
  tags: [],
  categories: [],
  author: 'Ada',
  language: 'en',
  body: '',
  bodyLine: 4,
  data: {},
  keyLines: new Map(),
}

export const testSite: MacroSite = {
  language: 'en',
  languagePrefix: '',
  basePath: '',
  url: 'https://example.com',
  timezone: 'UTC',
  tags: [],
  media: [],
  options: { stringParams: false, youtubeNoCookie: false },
}

export const testPos = { file: 'posts/a.md', line: 7, column: 3 }

export function macroInput(
  name: string,
  params: MacroParams = {},
  site: Partial<MacroSite> = {},
  post: Partial<Post> = {},
): MacroInput {
  return {
    call: {
      name,
      params,
      text: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])),
      raw: `[[${name}]]`,
      pos: testPos,
      block: true,
    },
    post: { ...testPost, ...post },
    url: '/2024/05/01/a/',
    site: { ...testSite, ...site },
  }
}

/** An image media item under /media/2024/, linked to the given post ids. */
export function image(
  name: string,
  createdAt: string | undefined,
  linkedPostIds: string[] = [],
  extra: Partial<MediaItem> = {},
): MediaItem {
  return {
    url: `/media/2024/${name}`,
    file: `media/2024/${name}`,
    linkedPostIds,
    createdAt: createdAt === undefined ? undefined : new Date(createdAt),
    ...extra,
  }
}
