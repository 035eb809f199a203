// [[youtube id=VIDEO title=TEXT]]: a YouTube player, from youtube-nocookie.com when the site
// sets `macros.youtubeNoCookie`. Like bDS (PageRenderer renderMacro, tests/engine/
// PageRenderer.macros.test.ts: `abc123`) any id renders; one bds refuses is reported.

import { renderEmbed } from './embed.js'
import { macroText } from './locale.js'
import type { BuiltinMacro } from './macro.js'
import { textParam } from './params.js'
import { BUILTIN_TABLE } from './table.js'

/** Letters, digits, `-` and `_`: what YouTube ids are made of, of any length. */
const idPattern = /^[A-Za-z0-9_-]+$/

export const youtube: BuiltinMacro = {
  // bDS's editor knew `start` and `autoplay`; its site output ignored them, and so does bds.
  ...BUILTIN_TABLE.youtube,
  render({ call, site }, report) {
    // A bare all-digit id arrives as a number; the text as written keeps its leading zeros.
    const written = call.text.id?.trim()
    const id =
      typeof call.params.id === 'number' && written ? written : textParam(call.params, 'id')
    if (id === undefined) {
      report('The youtube macro needs an id, e.g. [[youtube id=dQw4w9WgXcQ]]; it was left out.')
      return ''
    }
    if (!idPattern.test(id)) {
      report(
        `The youtube id ${JSON.stringify(id)} has characters other than letters, digits, - ` +
          'and _; the video was left out.',
      )
      return ''
    }
    const host = site.options.youtubeNoCookie ? 'www.youtube-nocookie.com' : 'www.youtube.com'
    return renderEmbed({
      className: 'macro-youtube',
      src: `https://${host}/embed/${id}?rel=0`,
      title:
        textParam(call.params, 'title') ?? macroText(site.language, 'render.video.youtubeTitle'),
      allow:
        'accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture',
      extra: ' referrerpolicy="strict-origin-when-cross-origin"',
    })
  },
}
