// The iframe wrapper shared by the youtube and vimeo macros (bDS shape, plus lazy loading).

import { escapeHtml } from '../../util/html.js'

export interface Embed {
  className: string
  src: string
  title: string
  allow: string
  /** Extra attributes, already escaped, written after `allowfullscreen`. */
  extra?: string
}

export function renderEmbed(embed: Embed): string {
  return (
    `<div class="${embed.className}"><iframe src="${escapeHtml(embed.src)}"` +
    ` title="${escapeHtml(embed.title)}" frameborder="0" allow="${escapeHtml(embed.allow)}"` +
    ` allowfullscreen${embed.extra ?? ''} loading="lazy"></iframe></div>`
  )
}
