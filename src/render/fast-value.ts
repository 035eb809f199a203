// Values for the fast renderer: an expression and its filters, evaluated as liquidjs's Value,
// Expression, Filter and evalToken evaluate them — same scopes, operators and filter
// functions — without a generator per step. What is not a plain variable, literal or
// operator goes to liquidjs's own evaluation.

import {
  type Context,
  evalToken,
  type Filter,
  type Liquid,
  TypeGuards,
  toValueSync,
  UndefinedVariableError,
  type Value,
} from 'liquidjs'

/** Evaluates a value in a context; `lenient` as liquidjs passes it. */
export type Evaluate = (ctx: Context, lenient: boolean) => unknown

type Token = Parameters<typeof evalToken>[0]
type Eval = (ctx: Context, lenient: boolean) => unknown

/** A generator (or other iterator) run to its value, as liquidjs does; anything else as it is. */
export const sync = (value: unknown) =>
  typeof (value as { next?: unknown } | null)?.next === 'function' ? toValueSync(value) : value
const BINARY = new Set(['==', '!=', '>', '<', '>=', '<=', 'contains', 'and', 'or'])

/** A variable path like `page.title` or `site["tags"].size`, read as ctx._get reads it. */
function compilePath(token: Token): Eval | undefined {
  if (!TypeGuards.isPropertyAccessToken(token) || token.variable) return undefined
  const keys: unknown[] = []
  for (const prop of token.props) {
    if (!('content' in prop)) return undefined
    keys.push((prop as { content: unknown }).content)
  }
  const fallback = (ctx: Context, lenient: boolean) => sync(evalToken(token, ctx, lenient))
  return (ctx, lenient) => {
    if (ctx.strictVariables) return fallback(ctx, lenient)
    try {
      const scopes = ctx as unknown as { findScope(key: string): unknown }
      let scope: unknown = scopes.findScope(keys[0] as string)
      for (const key of keys) scope = sync(ctx.readProperty(scope as object, key as string))
      return scope
    } catch (error) {
      // As liquidjs reports a variable that could not be read (a getter that threw).
      throw new UndefinedVariableError(error as Error, token as never)
    }
  }
}

function compileToken(token: Token): Eval {
  if (token && 'content' in token) {
    const content = (token as { content: unknown }).content
    return () => content
  }
  return compilePath(token) ?? ((ctx, lenient) => sync(evalToken(token, ctx, lenient)))
}

function compileExpression(expression: Value['initial']): Eval {
  const postfix = (expression as unknown as { postfix: Token[] }).postfix
  if (postfix.length === 1) return compileToken(postfix[0] as Token)
  const steps: (Eval | string)[] = []
  for (const token of postfix) {
    if (!TypeGuards.isOperatorToken(token)) steps.push(compileToken(token))
    else if (BINARY.has(token.operator) || token.operator === 'not') steps.push(token.operator)
    else return (ctx, lenient) => sync(expression.evaluate(ctx, lenient))
  }
  return (ctx, lenient) => {
    const operands: unknown[] = []
    for (const step of steps) {
      if (typeof step !== 'string') {
        operands.push(step(ctx, lenient))
        continue
      }
      const op = ctx.opts.operators[step] as (...args: unknown[]) => unknown
      const r = operands.pop()
      operands.push(step === 'not' ? sync(op(r, ctx)) : sync(op(operands.pop(), r, ctx)))
    }
    return operands[0]
  }
}

function compileFilter(filter: Filter): (value: unknown, ctx: Context) => unknown {
  const { handler, token, liquid } = filter as unknown as {
    handler: (...args: unknown[]) => unknown
    token: Token
    liquid: Liquid
  }
  const args = filter.args.map((arg) =>
    Array.isArray(arg)
      ? { key: arg[0] as string, value: compileToken(arg[1] as Token) }
      : { value: compileToken(arg as Token) },
  )
  return (value, context) => {
    const argv: unknown[] = [value]
    for (const a of args) {
      const v = a.value(context, false)
      argv.push(a.key === undefined ? v : [a.key, v])
    }
    return sync(handler.apply({ context, token, liquid }, argv))
  }
}

export function compileValue(value: Value): Evaluate {
  const initial = compileExpression(value.initial)
  const filters = value.filters.map(compileFilter)
  const defaultFirst = value.filters[0]?.name === 'default'
  return (ctx, lenient) => {
    let val = initial(ctx, lenient || (ctx.opts.lenientIf && defaultFirst))
    for (const f of filters) val = f(val, ctx)
    return val
  }
}
