// A faster way to run liquidjs templates: the same parsed templates, scopes, filters, operators
// and limits, evaluated by plain functions instead of liquidjs's generators, which cost about
// 40 % of a build. Text, outputs, if, unless and assign run here; every other tag runs as
// liquidjs runs it, and the templates inside it (a loop's body, a partial, a layout) come back
// here. `test/unit/render/fast-render.test.ts` renders every case both ways and compares.

import {
  AssignTag,
  type Context,
  IfTag,
  isTruthy,
  type Liquid,
  LiquidError,
  Output,
  RenderError,
  type Template,
  TypeGuards,
  UnlessTag,
} from 'liquidjs'
import { type Emitter, TextEmitter, unwrap } from './fast-emitter.js'
import { compileCache, compileFor, isCache, isFor } from './fast-tags.js'
import { compileValue, type Evaluate, sync } from './fast-value.js'

type Node = (ctx: Context, emitter: Emitter) => unknown

/** Makes `liquid` render through compiled templates; returns it. */
export function useFastRenderer(liquid: Liquid): Liquid {
  const compiled = new WeakMap<readonly Template[], Node[]>()
  const nodesOf = (templates: readonly Template[]) => {
    let nodes = compiled.get(templates)
    if (!nodes) {
      nodes = templates.map((tpl) => compile(tpl, renderNodes))
      compiled.set(templates, nodes)
    }
    return nodes
  }
  const renderNodes = (templates: readonly Template[], ctx: Context, emitter: Emitter) => {
    const nodes = nodesOf(templates)
    ctx.renderLimit.check(performance.now())
    for (let i = 0; i < nodes.length; i++) {
      // The clock is read every few nodes (liquidjs: every node); a runaway loop is still
      // stopped within a few nodes of the limit.
      if ((i & 7) === 7) ctx.renderLimit.check(performance.now())
      try {
        const html = (nodes[i] as Node)(ctx, emitter)
        if (html) emitter.write(html)
        if (ctx.breakCalled || ctx.continueCalled) break
      } catch (error) {
        throw LiquidError.is(error) ? error : new RenderError(error as Error, templates[i] as never)
      }
    }
    return emitter.buffer
  }
  const renderer = liquid.renderer as unknown as {
    renderTemplates(templates: Template[], ctx: Context, emitter?: Emitter): Generator
  }
  const original = renderer.renderTemplates.bind(renderer)
  renderer.renderTemplates = function* (templates, ctx, emitter) {
    if (ctx.opts.keepOutputType || ctx.opts.catchAllErrors)
      return yield original(templates, ctx, emitter)
    return renderNodes(templates, ctx, emitter ?? new TextEmitter())
  }
  return liquid
}

type RenderNodes = (templates: readonly Template[], ctx: Context, emitter: Emitter) => string

function compile(tpl: Template, render: RenderNodes): Node {
  const kind = tpl.constructor
  if (kind === Output) return compileOutput(tpl as Output)
  if (kind === IfTag || kind === UnlessTag)
    return compileBranches(tpl as IfTag, kind === IfTag, render)
  if (kind === AssignTag) return compileAssign(tpl as AssignTag)
  if (isCache(tpl)) return compileCache(tpl as never, render)
  const loop = isFor(tpl) ? compileFor(tpl as never, render) : undefined
  if (loop) return loop
  if (TypeGuards.isHTMLToken(tpl.token)) {
    const text = (tpl as unknown as { str: string }).str
    return (_ctx, emitter) => emitter.write(text)
  }
  return (ctx, emitter) => sync(tpl.render(ctx, emitter as never))
}

function compileOutput(tpl: Output): Node {
  const value: Evaluate = compileValue(tpl.value)
  return (ctx, emitter) => emitter.write(value(ctx, false))
}

interface Branch {
  value: Evaluate
  test: (v: unknown, ctx: Context) => boolean
  templates: readonly Template[]
}

function compileBranches(tag: IfTag, isIf: boolean, render: RenderNodes): Node {
  const raw = (
    tag as unknown as { branches: { value: never; test?: Branch['test']; templates: Template[] }[] }
  ).branches
  const branches: Branch[] = raw.map((b) => ({
    value: compileValue(b.value),
    test: isIf ? (v, ctx) => isTruthy(v, ctx) : (b.test as Branch['test']),
    templates: b.templates,
  }))
  const otherwise = (tag as unknown as { elseTemplates?: Template[] }).elseTemplates ?? []
  return (ctx, emitter) => {
    for (const b of branches) {
      const v = unwrap(b.value(ctx, ctx.opts.lenientIf))
      if (b.test(v, ctx)) {
        render(b.templates, ctx, emitter)
        return
      }
    }
    render(otherwise, ctx, emitter)
  }
}

function compileAssign(tag: AssignTag): Node {
  const { key, liquid } = tag as unknown as { key: string; liquid: Liquid }
  const value = compileValue((tag as unknown as { value: never }).value)
  return (ctx) => {
    ctx.bottom()[key] = value(ctx, liquid.options.lenientIf)
  }
}
