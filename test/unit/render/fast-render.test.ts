// The fast renderer (render/fast-render.ts) must write exactly what liquidjs writes: every
// template here renders through both (TemplateOptions.fast on and off) with the same data and
// the results — text or error code, message and position — are compared. The cases cover what
// the fast path compiles itself (outputs, filters with positional and keyword arguments,
// operators, if/elsif/else, unless, assign, for with forloop/break/continue/else, cache) and
// what it hands back to liquidjs (for with limit/offset/reversed, case, capture, render,
// include, layout/block, increment, tablerow).

import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { Drop, IfTag, Output } from 'liquidjs'
import { describe, expect, it, vi } from 'vitest'
import { DEFAULT_LIMITS } from '../../../src/config/index.js'
import { isBdsError } from '../../../src/errors/index.js'
import { createTemplates, loadTemplateStore } from '../../../src/render/index.js'
import { nodeFs } from '../../../src/util/fs.js'
import { tempDir } from '../../helpers/site.js'

class Counter extends Drop {
  reads = 0
  get value() {
    return ++this.reads
  }
  override liquidMethodMissing(key: string) {
    return `missing:${key}`
  }
}

class Boxed extends Drop {
  constructor(private readonly inner: unknown) {
    super()
  }
  override valueOf() {
    return this.inner
  }
}

const PARTIALS: Record<string, string> = {
  'partials/card.liquid': '<b>{{ title | default: "untitled" }}</b>{{ page.title }}',
  'partials/inc.liquid': '[{{ item }}{% assign leaked = "yes" %}]',
  'layouts/base.liquid': '<main>{% block body %}default{% endblock %}</main>{{ page.title }}',
}

const CASES: Record<string, string> = {
  text: 'plain <p>text</p>',
  output: '{{ page.title }}|{{ missing }}|{{ page.tags }}|{{ page.tags[1] }}|{{ page["title"] }}',
  nested: '{{ site.authors.ann.name }}{{ site.authors[page.author].name }}{{ page.tags.size }}',
  literals: '{{ 1 }}{{ 2.5 }}{{ "s" }}{{ true }}{{ nil }}{{ empty }}{{ (1..3) }}',
  filters:
    '{{ page.title | upcase | append: "!" }}{{ page.tags | join: ", " }}{{ "a-b" | split: "-" | last }}',
  keywordFilters: '{{ page.tags | where: "x", "y" | size }}{{ page.date | date: "%Y-%m-%d" }}',
  defaultFilter: '{{ missing | default: "d" }}{{ "" | default: "e", allow_false: true }}',
  filterArgsFromVars: '{{ page.title | slice: 0, page.n }}{{ page.title | append: site.suffix }}',
  operators:
    '{% if page.n > 2 and page.n <= 5 %}a{% endif %}{% if page.title contains "ell" %}b{% endif %}{% if page.tags contains "x" or false %}c{% endif %}',
  comparisons:
    '{% if page.n == 3 %}1{% endif %}{% if page.n != 3 %}2{% endif %}{% if page.n >= 4 %}3{% endif %}{% if page.n < 4 %}4{% endif %}',
  emptiness:
    '{% if page.none == empty %}a{% endif %}{% if page.tags != empty %}b{% endif %}{% if missing == nil %}c{% endif %}{% if "" == blank %}d{% endif %}',
  not: '{% if not page.flag %}n{% endif %}{% if not missing %}m{% endif %}',
  elsif: '{% if page.n == 1 %}one{% elsif page.n == 3 %}three{% else %}other{% endif %}',
  unless: '{% unless page.flag %}u{% elsif page.n %}e{% else %}x{% endunless %}',
  assign:
    '{% assign t = page.title | downcase %}{{ t }}{% assign n = page.n | plus: 1 %}{{ n }}{% assign r = (1..page.n) %}{{ r | join: "" }}',
  forLoop:
    '{% for tag in page.tags %}{{ forloop.index }}/{{ forloop.length }}:{{ tag }}{% if forloop.first %}F{% endif %}{% if forloop.last %}L{% endif %}{{ forloop.rindex0 }}{% endfor %}',
  forBreak:
    '{% for i in (1..9) %}{% if i == 3 %}{% continue %}{% endif %}{{ i }}{% if i == 5 %}{% break %}{% endif %}{% endfor %}',
  forElse:
    '{% for i in page.none %}x{% else %}empty{% endfor %}{% for c in "str" %}{{ c }}{% endfor %}',
  forHash: '{% for pair in site.authors %}{{ pair[0] }}={{ pair[1].name }};{% endfor %}',
  forNested:
    '{% for a in (1..3) %}{% for b in (1..3) %}{% if b == 2 %}{% break %}{% endif %}{{ a }}{{ b }}{% endfor %}{% endfor %}',
  forModifiers:
    '{% for i in (1..9) limit: 3 offset: 2 %}{{ i }}{% endfor %}{% for i in (1..3) reversed %}{{ i }}{% endfor %}',
  forContinueOffset:
    '{% for i in (1..6) limit: 2 %}{{ i }}{% endfor %}{% for i in (1..6) offset: continue %}{{ i }}{% endfor %}',
  forScope: '{% for tag in page.tags %}{% assign last = tag %}{% endfor %}{{ last }}{{ tag }}',
  caseTag: '{% case page.n %}{% when 1, 3 %}odd{% when 2 %}even{% else %}?{% endcase %}',
  capture: '{% capture c %}{{ page.title }}-{{ page.n }}{% endcapture %}{{ c | size }}{{ c }}',
  render: '{% render "partials/card", title: page.title %}{% render "partials/card" %}',
  renderFor: '{% render "partials/card" for page.tags as title %}',
  include: '{% for item in (1..2) %}{% include "partials/inc" %}{% endfor %}{{ leaked }}',
  layout: '{% layout "layouts/base" %}{% block body %}{{ page.title | escape }}{% endblock %}',
  counters: '{% increment x %}{% increment x %}{% decrement y %}{{ x }}',
  tablerow: '{% tablerow t in page.tags cols: 2 %}{{ t }}{% endtablerow %}',
  comment: 'a{% comment %}{{ page.title }}{% endcomment %}b{% raw %}{{ x }}{% endraw %}',
  cache:
    '{% cache page.n %}{{ page.title }}{% endcache %}{% cache page.n %}{{ "other" }}{% endcache %}',
  cacheOnce:
    '{% for i in (1..3) %}{% cache "k" %}{{ i }}{% endcache %}{% cache i %}{{ i }}{% endcache %};{% endfor %}',
  drops: '{{ site.counter.value }}{{ site.counter.value }}{{ site.counter.nope }}{{ site.boxed }}',
  dropCompare:
    '{% if site.boxed == 42 %}eq{% endif %}{% for x in site.boxedList %}{{ x }}{% endfor %}',
  whitespace: 'a  {{- page.title -}}  b {%- if true -%} c {%- endif -%} d',
  echoLiquid: '{% liquid\n assign x = page.n | times: 2\n echo x\n%}{% echo page.title %}',
  strings: '{{ \'q"uote\' }}{{ "a\\tb" }}{{ page.html }}{{ page.html | escape }}',
  undefinedFilterArg: '{{ page.title | append: missing }}{{ page.title | replace: "e", nil }}',
}

const ERRORS: Record<string, string> = {
  undefinedFilter: 'ok {{ page.title | nosuchfilter }}',
  badFilterArg: 'line\n{{ page.title | slice: "x" | nosuch2 }}',
  throwingGetter: 'a\n  b {{ site.explodes.x }}',
  undefinedFilterInLoop: '{% for i in (1..2) %}\n{{ i | boom }}{% endfor %}',
  throwingFilterArg: '{% if true %}\n  {{ "a" | append: site.explodes }}{% endif %}',
  throwingCondition: '{% for i in (1..2) %}{% if site.explodes %}x{% endif %}{% endfor %}',
  badPartial: '{% render "partials/none" %}',
}

function data() {
  return {
    page: {
      title: 'Hello',
      tags: ['x', 'y', 'z'],
      n: 3,
      none: [],
      flag: false,
      author: 'ann',
      date: new Date('2024-05-06T07:08:09Z'),
      html: '<a href="?a=1&b=2">',
    },
    site: {
      authors: { ann: { name: 'Ann' }, bob: { name: 'Bob' } },
      suffix: '?',
      counter: new Counter(),
      boxed: new Boxed(42),
      boxedList: new Boxed([1, 2]),
      get explodes(): unknown {
        throw new Error('no explodes here')
      },
    },
  }
}

async function engines() {
  const dir = tempDir()
  const files: Record<string, string> = { ...PARTIALS }
  for (const [name, text] of Object.entries({ ...CASES, ...ERRORS })) files[`${name}.liquid`] = text
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true })
    writeFileSync(join(dir, name), text)
  }
  const store = await loadTemplateStore(dir, join(dir, 'none'), dir, nodeFs)
  const options = {
    origin: 'https://x',
    basePath: '/project',
    timezone: 'UTC',
    language: 'en',
    globals: {},
  }
  const make = (fast: boolean) => {
    const t = createTemplates(store, { ...options, limits: DEFAULT_LIMITS, fast })
    return (name: string) => {
      try {
        return t.render(`${name}.liquid`, data())
      } catch (error) {
        if (!isBdsError(error)) throw error
        return { code: error.code, message: error.message, pos: error.pos }
      }
    }
  }
  return { fast: make(true), slow: make(false) }
}

describe('fast renderer', async () => {
  const { fast, slow } = await engines()

  it.each(Object.keys(CASES))('renders %s as liquidjs does', (name) => {
    const expected = slow(name)
    expect(typeof expected).toBe('string')
    expect(fast(name)).toEqual(expected)
  })

  it.each(Object.keys(ERRORS))('fails %s as liquidjs does', (name) => {
    const expected = slow(name)
    expect(typeof expected).toBe('object')
    expect(fast(name)).toEqual(expected)
  })

  it('evaluates outputs and ifs itself, not through liquidjs', () => {
    const output = vi.spyOn(Output.prototype, 'render')
    const branch = vi.spyOn(IfTag.prototype, 'render')
    try {
      fast('elsif')
      fast('forLoop')
      expect(output).not.toHaveBeenCalled()
      expect(branch).not.toHaveBeenCalled()
      slow('elsif')
      expect(branch).toHaveBeenCalled()
    } finally {
      output.mockRestore()
      branch.mockRestore()
    }
  })

  it('renders the cached body once per key', () => {
    expect(fast('cacheOnce')).toBe('11;12;13;')
  })
})
