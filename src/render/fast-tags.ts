// Tags the fast renderer runs itself besides if/unless/assign: `for` without modifiers (the
// theme's loops) and bds's own `cache`. Each does exactly what liquidjs's (or the cache
// tag's) render does; the loop body is rendered by the fast renderer.

import { type Context, type Drop, evalToken, ForTag, Liquid, type Template } from 'liquidjs'
import { CacheTag } from './cache-tag.js'
import { type Emitter, TextEmitter, unwrap } from './fast-emitter.js'
import { compileValue, sync } from './fast-value.js'

type Render = (templates: readonly Template[], ctx: Context, emitter: Emitter) => string
type Node = (ctx: Context, emitter: Emitter) => unknown

type Loop = new (length: number, collection: string, variable: string) => Drop & { next(): void }
let loopClass: Loop | undefined

/** liquidjs's ForloopDrop (not exported): taken from a loop rendered once. */
function forloopClass(): Loop {
  if (loopClass) return loopClass
  const liquid = new Liquid()
  let seen: unknown
  liquid.registerFilter('bds_seen', (value: unknown) => {
    seen = value
    return ''
  })
  liquid.parseAndRenderSync('{% for x in (1..1) %}{{ forloop | bds_seen }}{% endfor %}')
  loopClass = (seen as object).constructor as Loop
  return loopClass
}

/** liquidjs's toEnumerable. */
function enumerable(value: unknown): unknown[] {
  const v = unwrap(value)
  if (Array.isArray(v)) return v
  if (typeof v === 'string' && v.length > 0) return [v]
  if (v && typeof (v as Iterable<unknown>)[Symbol.iterator] === 'function')
    return Array.from(v as Iterable<unknown>)
  if (v && (typeof v === 'object' || typeof v === 'function')) return Object.entries(v)
  return []
}

const scopeOf = (from: Record<string, unknown>) => Object.assign(Object.create(null), from)

export function compileFor(tag: ForTag, render: Render): Node | undefined {
  const t = tag as unknown as {
    variable: string
    collection: Parameters<typeof evalToken>[0] & { getText(): string }
    hash: { hash: Record<string, unknown> }
    templates: Template[]
    elseTemplates: Template[]
  }
  if (Object.keys(t.hash.hash).length > 0) return undefined
  const Forloop = forloopClass()
  const name = t.collection.getText()
  const continueKey = `continue-${t.variable}-${name}`
  return (ctx, emitter) => {
    const collection = enumerable(sync(evalToken(t.collection, ctx)))
    if (!collection.length) {
      render(t.elseTemplates, ctx, emitter)
      return
    }
    ctx.getRegister(continueKey, {})
    ctx.setRegister(continueKey, collection.length)
    const scope = scopeOf({ forloop: new Forloop(collection.length, name, t.variable) })
    ctx.push(scope)
    for (const item of collection) {
      scope[t.variable] = item
      ctx.continueCalled = ctx.breakCalled = false
      render(t.templates, ctx, emitter)
      if (ctx.breakCalled) break
      scope.forloop.next()
    }
    ctx.continueCalled = ctx.breakCalled = false
    ctx.pop()
  }
}

export function compileCache(tag: CacheTag, render: Render): Node {
  const { keys, body, cache } = tag as unknown as {
    keys: Parameters<typeof compileValue>[0][]
    body: Template[]
    cache: Map<string, string>
  }
  const values = keys.map((k) => compileValue(k))
  return (ctx, emitter) => {
    const id = JSON.stringify(values.map((v) => v(ctx, false)))
    let html = cache.get(id)
    if (html === undefined) {
      html = String(render(body, ctx, new TextEmitter()))
      cache.set(id, html)
    }
    emitter.write(html)
  }
}

export const isFor = (tpl: Template) => tpl.constructor === ForTag
export const isCache = (tpl: Template) => tpl.constructor === CacheTag
