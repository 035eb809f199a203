// [[youtube id=VIDEO title=TEXT]]: a YouTube player, from youtube-nocookie.com when the site
// sets `macros.youtubeNoCookie`. A missing or malformed id renders nothing and is reported.

import { renderEmbed } from './embed.js'
import type { BuiltinMacro } from './macro.js'
import { textParam } from './params.js'

const idPattern = /^[A-Za-z0-9_-]{11}$/

export const youtube: BuiltinMacro = {
  name: 'youtube',
  // bDS's editor knew `start` and `autoplay`; its site output ignored them, and so does bds.
  params: ['id', 'title', 'start', 'autoplay'],
  render({ call, site }, report) {
    const id = textParam(call.params, 'id')
    if (id === undefined) {
      report('The youtube macro needs an id, e.g. [[youtube id=dQw4w9WgXcQ]]; it was left out.')
      return ''
    }
    if (!idPattern.test(id)) {
      // A bare all-digit id arrives as a number and loses leading zeros; quoting keeps them.
      const quote = typeof call.params.id === 'number' ? ' (quote an id that starts with 0)' : ''
      report(
        `The youtube id ${JSON.stringify(id)} is not 11 letters, digits, - or _${quote}; ` +
          'the video was left out.',
      )
      return ''
    }
    const host = site.options.youtubeNoCookie ? 'www.youtube-nocookie.com' : 'www.youtube.com'
    return renderEmbed({
      className: 'macro-youtube',
      src: `https://${host}/embed/${id}?rel=0`,
      title: textParam(call.params, 'title') ?? 'YouTube video',
      allow:
        'accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture',
      extra: ' referrerpolicy="strict-origin-when-cross-origin"',
    })
  },
}
