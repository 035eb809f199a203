// [[tag_cloud width= height= orientation=]]: the site's tags weighted by post count, as bDS's
// tag-cloud.liquid writes it (rfc1437/bDS templates/macros/tag-cloud.liquid): an empty
// svg.tag-cloud-canvas that tagCloudRuntime.ts clears and draws into; bds puts a plain link
// list in it (a foreignObject) that shows when JavaScript does not run.

import { escapeHtml } from '../../util/html.js'
import type { MacroTag } from '../types.js'
import { compareNames, macroText } from './locale.js'
import type { BuiltinMacro } from './macro.js'
import { intDefault, intParam, intRule, textParam } from './params.js'
import { BUILTIN_TABLE } from './table.js'

const MIN_FONT = 14
const MAX_FONT = 56

const orientations: Record<string, string> = {
  horizontal: 'horizontal',
  mixed_hv: 'mixed-hv',
  'mixed-hv': 'mixed-hv',
  hv: 'mixed-hv',
  horizontal_vertical: 'mixed-hv',
  mixed_diagonal: 'mixed-diagonal',
  'mixed-diagonal': 'mixed-diagonal',
  diagonal: 'mixed-diagonal',
  diag: 'mixed-diagonal',
}

interface Word {
  text: string
  size: number
  count: number
  url: string
}

/** Words in bDS order (count desc, then name) with font sizes linear in the count. */
export function tagWords(tags: readonly MacroTag[], language: string): Word[] {
  const used = tags.filter((t) => t.count > 0)
  const counts = used.map((t) => t.count)
  const min = Math.min(...counts)
  const max = Math.max(...counts)
  const size = (count: number) =>
    max === min
      ? Math.round((MIN_FONT + MAX_FONT) / 2)
      : Math.round(MIN_FONT + ((count - min) / (max - min)) * (MAX_FONT - MIN_FONT))
  return [...used]
    .sort((a, b) => b.count - a.count || compareNames(a.name, b.name, language))
    .map((t) => ({ text: t.name, size: size(t.count), count: t.count, url: t.url }))
}

function orientationOf(value: string | undefined, report: (message: string) => void): string {
  if (value === undefined) return 'horizontal'
  const known = orientations[value.toLowerCase()]
  if (known) return known
  report(
    `The tag_cloud orientation ${JSON.stringify(value)} is not horizontal, mixed-hv or ` +
      'mixed-diagonal; using horizontal.',
  )
  return 'horizontal'
}

function renderWord(w: Word): string {
  const posts = w.count === 1 ? '1 post' : `${w.count} posts`
  return (
    `<li><a href="${escapeHtml(w.url)}" style="font-size:${w.size}px" title="${posts}">` +
    `${escapeHtml(w.text)}</a></li>`
  )
}

const spec = BUILTIN_TABLE.tag_cloud

export const tagCloud: BuiltinMacro = {
  ...spec,
  render({ call, site }, report) {
    const orientation = orientationOf(textParam(call.params, 'orientation'), report)
    const width = intParam(call.params, intRule(spec, 'width'), report) ?? intDefault(spec, 'width')
    const height =
      intParam(call.params, intRule(spec, 'height'), report) ?? intDefault(spec, 'height')
    const words = tagWords(site.tags, site.language)
    const open =
      `<div class="macro-tag-cloud" data-tag-cloud="true" data-orientation="${orientation}"` +
      ' data-color-distribution="quantile" data-color-easing="0.7" data-color-theme="pico"'
    if (words.length === 0) {
      const empty = escapeHtml(macroText(site.language, 'render.tagCloud.empty'))
      return `${open}>\n<div class="tag-cloud-empty">${empty}</div>\n</div>`
    }
    const byName = [...words].sort((a, b) => compareNames(a.text, b.text, site.language))
    const label = escapeHtml(macroText(site.language, 'render.tagCloud.ariaLabel'))
    return [
      `${open} data-tag-cloud-words="${escapeHtml(JSON.stringify(words))}"` +
        ` data-width="${width}" data-height="${height}">`,
      `<svg class="tag-cloud-canvas" viewBox="0 0 ${width} ${height}"` +
        ` preserveAspectRatio="xMidYMid meet" aria-label="${label}">`,
      `<foreignObject x="0" y="0" width="${width}" height="${height}">`,
      '<ul class="tag-cloud-list" xmlns="http://www.w3.org/1999/xhtml">',
      ...byName.map(renderWord),
      '</ul>',
      '</foreignObject>',
      '</svg>',
      '</div>',
    ].join('\n')
  },
}
