// [[vimeo id=DIGITS title=TEXT]]: a Vimeo player. A missing or non-numeric id renders
// nothing and is reported.

import { renderEmbed } from './embed.js'
import { macroText } from './locale.js'
import type { BuiltinMacro } from './macro.js'
import { textParam } from './params.js'
import { BUILTIN_TABLE } from './table.js'

export const vimeo: BuiltinMacro = {
  ...BUILTIN_TABLE.vimeo,
  render({ call, site }, report) {
    const id = textParam(call.params, 'id')
    if (id === undefined) {
      report('The vimeo macro needs an id, e.g. [[vimeo id=76979871]]; it was left out.')
      return ''
    }
    if (!/^\d+$/.test(id)) {
      report(`The vimeo id ${JSON.stringify(id)} is not all digits; the video was left out.`)
      return ''
    }
    return renderEmbed({
      className: 'macro-vimeo',
      src: `https://player.vimeo.com/video/${id}`,
      title: textParam(call.params, 'title') ?? macroText(site.language, 'render.video.vimeoTitle'),
      allow: 'autoplay; fullscreen; picture-in-picture',
    })
  },
}
