// [[gallery columns=1..6 caption=TEXT]]: the images linked to the current post, newest first,
// as bDS lightbox links.

import { escapeHtml } from '../../util/html.js'
import { isImage, newestFirst, renderImageLink } from './images.js'
import { macroText } from './locale.js'
import type { BuiltinMacro } from './macro.js'
import { intDefault, intParam, intRule, textParam } from './params.js'
import { BUILTIN_TABLE } from './table.js'

const spec = BUILTIN_TABLE.gallery

export const gallery: BuiltinMacro = {
  // `link` is a WordPress-era bDS parameter that bDS accepted and ignored.
  ...spec,
  render({ call, post, site }, report) {
    if (!post) {
      report(
        'The gallery macro shows the images of a post; this page has none, so it shows nothing.',
      )
      return ''
    }
    const columns =
      intParam(call.params, intRule(spec, 'columns'), report) ?? intDefault(spec, 'columns')
    const caption = textParam(call.params, 'caption')
    const items = newestFirst(
      site.media.filter((m) => m.linkedPostIds.includes(post.id) && isImage(m)),
    )
    const group = `gallery-${post.id || 'post'}`
    const body = items.length
      ? items
          .map((item) =>
            renderImageLink(item, 'gallery-item', group, site.basePath, site.images, columns),
          )
          .join('\n')
      : `<div class="gallery-empty">${escapeHtml(macroText(site.language, 'render.gallery.empty'))}</div>`
    // bDS wrote a <figcaption> after the container inside a <div>, which is invalid HTML. The
    // root is a <figure> here instead: bDS's stylesheet and Lightbox2 select by class and
    // data-lightbox only (never `div.macro-gallery`), and `.macro-gallery` sets its own margin.
    const attrs = `data-post-id="${escapeHtml(post.id)}" data-columns="${columns}"`
    return [
      `<figure class="macro-gallery gallery-cols-${columns}" ${attrs} data-lightbox="true">`,
      '<div class="gallery-container gallery-lightbox">',
      body,
      '</div>',
      ...(caption
        ? [`<figcaption class="gallery-caption">${escapeHtml(caption)}</figcaption>`]
        : []),
      '</figure>',
    ].join('\n')
  },
}
