// The page size limit (`limits.pageMiB`): the most HTML one page may have. runMacros applies
// it where macro output is spliced — one page whose macros add up to more than a string can
// hold used to stop the whole build — and checkPageSize() checks a rendered page.

import { DEFAULT_LIMITS } from '../config/index.js'
import { BdsError, type SourcePos } from '../errors/index.js'
import type { MacroInput, MacroOutput } from './types.js'

const mib = (chars: number) => `${(chars / 2 ** 20).toFixed(1)} MiB`

/**
 * The error for a page (`html`, or its length) over `limit` characters, at `pos` (the page's
 * source, or the template that made it); undefined when it fits.
 */
export function checkPageSize(
  html: string | number,
  limit: number,
  pos: SourcePos,
): BdsError | undefined {
  const size = typeof html === 'string' ? html.length : html
  if (size <= limit) return undefined
  const message = `This page has ${mib(size)} of HTML, over the limit of ${mib(limit)} (limits.pageMiB); it was left out.`
  return new BdsError('BDS_PAGE_TOO_LARGE', message, { pos })
}

/**
 * Empties every output of a page whose macro outputs add up to more than its limit (the
 * page builds without them); the error names the token where the total went over.
 */
export function limitPageOutput(
  inputs: readonly MacroInput[],
  outputs: (MacroOutput | undefined)[],
): BdsError[] {
  const pages = new Map<string, number[]>()
  inputs.forEach((input, i) => {
    const page = input.post?.file ?? input.url
    const calls = pages.get(page)
    if (calls) calls.push(i)
    else pages.set(page, [i])
  })
  const errors: BdsError[] = []
  for (const [file, calls] of pages) {
    const limit = (inputs[calls[0] as number] as MacroInput).site.options.pageChars
    const max = limit ?? DEFAULT_LIMITS.pageChars
    const size = (i: number) => outputs[i]?.html.length ?? 0
    let total = 0
    let over: number | undefined
    for (const i of calls) {
      total += size(i)
      if (over === undefined && total > max) over = i
    }
    if (over === undefined) continue
    const pos = (inputs[over] as MacroInput).call.pos
    const message = `The macros of ${file} return ${mib(total)} of HTML, over the page limit of ${mib(max)} (limits.pageMiB); every macro of this page rendered as an empty string.`
    errors.push(new BdsError('BDS_MACRO_TOO_LARGE', message, { pos }))
    for (const i of calls) {
      const output = outputs[i]
      if (output) outputs[i] = { ...output, html: '' }
    }
  }
  return errors
}
