// Render limits for one template render (issue 19): liquidjs's `renderLimit` (time) and
// `memoryLimit` (characters and list items filters allocate) per render, an optional stop
// check consulted with the time limit (so a render on a worker thread can be interrupted
// between two template nodes), and the errors that name the limit a template ran into.

import { Context, type Liquid } from 'liquidjs'
import type { ResolvedLimits } from '../config/index.js'

/** The scope of one render, with the limits (and the stop check) it runs under. */
export function limitedContext(
  liquid: Liquid,
  scope: Record<string, unknown>,
  globals: Record<string, unknown>,
  limits: ResolvedLimits,
  stopped?: () => boolean,
): Context {
  const options = {
    sync: true,
    globals,
    renderLimit: limits.renderMs,
    memoryLimit: limits.renderMemory,
  }
  const ctx = new Context(scope, liquid.options, options, { liquid })
  if (stopped) {
    const limiter = ctx.renderLimit
    const check = limiter.check.bind(limiter)
    limiter.check = (now: number) => {
      if (stopped()) throw new Error('bds: the build is being interrupted')
      check(now)
    }
  }
  return ctx
}

/** What went over: a message naming the template and the limit, or undefined for other errors. */
export function limitMessage(
  error: unknown,
  name: string,
  limits: ResolvedLimits,
): string | undefined {
  const e = error as { message?: string; originalError?: { message?: string; name?: string } }
  const text = `${e.originalError?.message ?? ''} ${e.message ?? ''}`
  if (text.includes('template render limit exceeded'))
    return `${name} did not finish rendering this page within ${limits.renderMs} ms (limits.renderMs); the page was left out.`
  if (text.includes('memory alloc limit exceeded'))
    return `${name} allocated more than ${limits.renderMemory} characters and list items while rendering this page (limits.renderMemory); the page was left out.`
  if (text.includes('parse length limit exceeded'))
    return `${name} (with the partials it includes) is longer than ${limits.templateChars} characters (limits.templateChars); the pages using it were left out.`
  if (text.includes('Invalid string length') || text.includes('Invalid array length'))
    return `${name} built more text or a longer list than JavaScript can hold while rendering this page; the page was left out.`
  if (text.includes('the build is being interrupted'))
    return `Rendering ${name} was stopped: the build is being interrupted.`
  return undefined
}
