// The `{% cache key, … %}…{% endcache %}` tag: renders its body once per build for each
// distinct key and reuses the HTML (Hugo's partialCached, Rails's fragment cache). The
// bundled theme caches its header and footer, which are the same on thousands of pages.

import type { Context, Emitter, Liquid, Parser, TagToken, Template, TopLevelToken } from 'liquidjs'
import { Tag, Value } from 'liquidjs'

export class CacheTag extends Tag {
  private readonly keys: Value[]
  private readonly body: Template[] = []
  private readonly cache = new Map<string, string>()

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid, parser: Parser) {
    super(token, remainTokens, liquid)
    this.keys = token.args
      .split(',')
      .map((arg) => arg.trim())
      .filter(Boolean)
      .map((arg) => new Value(arg, liquid))
    const stream = parser
      .parseStream(remainTokens)
      .on('tag:endcache', () => stream.stop())
      .on('template', (tpl: Template) => this.body.push(tpl))
      .on('end', () => {
        throw new Error(`tag ${token.getText()} not closed`)
      })
    stream.start()
  }

  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const parts: unknown[] = []
    for (const key of this.keys) parts.push(yield key.value(ctx))
    const id = JSON.stringify(parts)
    let html = this.cache.get(id)
    if (html === undefined) {
      html = String(yield this.liquid.renderer.renderTemplates(this.body, ctx))
      this.cache.set(id, html)
    }
    emitter.write(html)
  }

  // For liquidjs's static analysis (watch mode's template dependencies): the body and keys.
  // biome-ignore lint/correctness/useYield: liquidjs's protocol: a generator returning the body
  *children(): Generator<unknown, Template[]> {
    return this.body
  }

  *arguments(): Generator<Value> {
    yield* this.keys
  }
}
