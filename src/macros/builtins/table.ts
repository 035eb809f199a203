// The built-in macros' declarations in one table: names, aliases, what each does, its
// parameters (type, default, bounds, description) and an example call. The runtime checks
// calls and reads defaults and bounds from it; `bds macros` and docs/builtin-macros.md show it.

import type { MacroParam } from '../index.js'
import type { MacroParams } from '../types.js'

export interface BuiltinSpec {
  name: string
  aliases?: readonly string[]
  summary: string
  /** Whether its output depends on the page's post (a template call on a list page has none). */
  readsPost: boolean
  /** Whether it shows the site's media (a build loads them only then). */
  readsMedia: boolean
  params: readonly MacroParam[]
  /** Parameters of the example call `bds macros show` prints. */
  example: MacroParams
}

const ignored = (name: string): MacroParam => ({
  name,
  type: 'any',
  description: 'accepted as bDS accepted it, and ignored',
})

const video = (site: string, id: string): MacroParam[] => [
  { name: 'id', type: 'str', required: true, description: id },
  { name: 'title', type: 'str', description: `the player's title (default: "${site} video")` },
]

export const BUILTIN_TABLE = {
  youtube: {
    name: 'youtube',
    summary:
      'A YouTube player, from youtube-nocookie.com when the site sets "macros": {"youtubeNoCookie": true}.',
    readsPost: false,
    readsMedia: false,
    params: [
      ...video('YouTube', 'the video id: letters, digits, - and _'),
      ignored('start'),
      ignored('autoplay'),
    ],
    example: { id: 'dQw4w9WgXcQ', title: 'The talk' },
  },
  vimeo: {
    name: 'vimeo',
    summary: 'A Vimeo player.',
    readsPost: false,
    readsMedia: false,
    params: video('Vimeo', "the video's number"),
    example: { id: 76979871 },
  },
  gallery: {
    name: 'gallery',
    summary:
      "The post's images, newest first, in a grid with the theme's lightbox: media sidecars whose linkedPostIds name the post, or its front matter images: list.",
    readsPost: true,
    readsMedia: true,
    params: [
      { name: 'columns', type: 'int', default: 3, min: 1, max: 6, description: 'columns, 1 to 6' },
      { name: 'caption', type: 'str', description: 'a caption under the grid' },
      ignored('link'),
    ],
    example: { columns: 3, caption: 'Day two, from the ridge' },
  },
  photo_archive: {
    name: 'photo_archive',
    aliases: ['photo_album'],
    summary: 'Every image of the site by month, newest first; without a year the 10 latest months.',
    readsPost: false,
    readsMedia: true,
    params: [
      { name: 'year', type: 'int', min: 1000, max: 9999, description: 'only this year' },
      { name: 'month', type: 'int', min: 1, max: 12, description: 'only this month (needs year)' },
    ],
    example: { year: 2024, month: 5 },
  },
  tag_cloud: {
    name: 'tag_cloud',
    summary:
      "Every tag sized by its number of posts, in bDS's svg.tag-cloud-canvas, with a plain list of links inside for readers without JavaScript.",
    readsPost: false,
    readsMedia: false,
    params: [
      {
        name: 'width',
        type: 'int',
        default: 900,
        min: 320,
        max: 1600,
        description: 'width, 320 to 1600',
      },
      {
        name: 'height',
        type: 'int',
        default: 420,
        min: 180,
        max: 900,
        description: 'height, 180 to 900',
      },
      {
        name: 'orientation',
        type: 'str',
        default: 'horizontal',
        description: 'horizontal, mixed-hv or mixed-diagonal',
      },
    ],
    example: { width: 600, height: 300 },
  },
} as const satisfies Record<string, BuiltinSpec>

/** The declared parameter `name` of a built-in (a programming error when it is not declared). */
export function paramOf(spec: BuiltinSpec, name: string): MacroParam {
  const param = spec.params.find((p) => p.name === name)
  if (!param) throw new Error(`the ${spec.name} macro declares no parameter ${name}`)
  return param
}
