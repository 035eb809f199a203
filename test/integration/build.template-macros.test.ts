// Macros called from templates (issue 17): the tag and the filter, built-ins at once and the
// other calls of every page of a tree in one batch (counted), what a call on a list page sees,
// positions and "did you mean" in the template, the same bytes with and without the render
// worker, and a rebuild that re-renders a template macro's pages when what it shows changed.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { build } from '../../dist/index.js'
import { buildSite, emptyChanges, memoryDeps, rebuildSite } from '../../src/build/index.js'
import type { MacroInput, MacroRunner } from '../../src/macros/index.js'
import { createMemoryFs } from '../../src/util/memory-fs.js'
import { bundledTemplatesDir } from '../../src/version.js'
import { renderFake } from '../helpers/fake-macros.js'
import { inlineSite, listFiles, tempDir } from '../helpers/site.js'

/** A runner for `shout` and `who` that counts its batches and keeps what each call saw. */
function countingRunner() {
  const batches: MacroInput[][] = []
  const runner: MacroRunner = {
    has: (name) => name === 'shout' || name === 'who',
    names: () => ['shout', 'who'],
    run: async (batch) => {
      batches.push([...batch])
      return batch.map((input) => ({
        html:
          input.call.name === 'who'
            ? `<i>${input.post?.title ?? 'no post'} at ${input.url}</i>`
            : renderFake(input),
        diagnostics: [],
      }))
    },
  }
  return { runner, batches }
}

const POSTS = 24
const config =
  '-- bds.config.json --\n{"title": "T", "url": "https://t.example", "postsPerPage": 5}\n'
const posts = Array.from(
  { length: POSTS },
  (_, i) =>
    `-- posts/p${i}.md --\n---\ntitle: Post ${i}\ndate: 2024-01-${String(i + 1).padStart(2, '0')}\ntags: [t${i % 3}]\n---\n\nText ${i}.\n`,
).join('')
const postTemplate = `-- templates/post.liquid --
{%- layout 'base.liquid' %}
<h1>{{ post.title }}</h1>
{% macro 'shout', text: post.title, n: 2, tags: post.tags %}
{% macro 'who' %}
<p class="v">{{ 'vimeo' | macro: id: 76979871 }}</p>
{% macro 'galery' %}
`
const listTemplate = `-- templates/partials/sidebar.liquid --
<aside>{% macro 'tag_cloud', width: 400 %}{% macro 'who' %}{% macro 'gallery' %}</aside>
-- templates/list.liquid --
{%- layout 'base.liquid' %}
{% render 'partials/sidebar.liquid' %}
{%- for post in posts %}<p>{{ post.title }}</p>{% endfor %}
`

const site = () => inlineSite(config + posts + postTemplate + listTemplate)
const page = (out: string, path: string) => readFileSync(join(out, path, 'index.html'), 'utf8')

describe('macros in templates', () => {
  it('run built-ins at once and every other call of the site in one batch', async () => {
    const { runner, batches } = countingRunner()
    const root = site()
    const out = join(tempDir(), 'out')
    const report = await build({ root, out }, { macroRunners: [runner], parallel: false })
    // One batch for every page's calls; identical calls of the list pages once.
    expect(batches).toHaveLength(1)
    expect(batches[0]?.filter((b) => b.call.name === 'shout')).toHaveLength(POSTS)
    const html = page(out, '2024/01/03/p2')
    expect(html).toContain('<x-shout text="Post 2" n=2/>')
    expect(html).toContain('<i>Post 2 at /2024/01/03/p2/</i>')
    expect(html).toMatch(
      /<p class="v"><div class="macro-vimeo"><iframe src="https:\/\/player\.vimeo\.com\/video\/76979871"/,
    )
    const home = page(out, '')
    expect(home).toContain('<i>no post at /</i>')
    expect(home).toContain('class="macro-tag-cloud"')
    expect(home).toContain('data-width="400"')
    const where = report.diagnostics.map(
      (d) => `${d.code} ${d.file}:${d.line}:${d.column} ${d.message}`,
    )
    expect(where.sort()).toEqual([
      'BDS_MACRO_PARAMS templates/partials/sidebar.liquid:1:60 The gallery macro shows the images of a post; this page has none, so it shows nothing.',
      'BDS_MACRO_PARAMS templates/post.liquid:3:1 The value of "tags" for the macro "shout" is a list or an object; a macro parameter is a string, a number or true/false, so it was left out.',
      'BDS_MACRO_UNKNOWN templates/post.liquid:6:1 Unknown macro "galery" (did you mean "gallery"?): the template shows nothing in its place.',
    ])
  })

  it('writes the same bytes with and without the render worker, still in one batch per tree', async () => {
    const root = site()
    const serial = join(tempDir(), 'serial')
    const parallel = join(tempDir(), 'parallel')
    const one = countingRunner()
    const two = countingRunner()
    const a = await build({ root, out: serial }, { macroRunners: [one.runner], parallel: false })
    const b = await build({ root, out: parallel }, { macroRunners: [two.runner], parallel: true })
    expect(two.batches).toHaveLength(1)
    const sorted = (r: typeof a) => r.diagnostics.map((d) => JSON.stringify(d)).sort()
    expect(sorted(b)).toEqual(sorted(a))
    const files = listFiles(serial)
    expect(listFiles(parallel)).toEqual(files)
    for (const file of files.filter((f) => !f.startsWith('.bds')))
      expect(readFileSync(join(parallel, file), 'utf8'), file).toBe(
        readFileSync(join(serial, file), 'utf8'),
      )
  })

  it("re-renders a rebuild's template macro pages when what the macros see changed", async () => {
    const fs = createMemoryFs()
    const root = '/m/site'
    for (const [name, text] of Object.entries(filesOf(config + posts + listTemplate)))
      fs.put(join(root, name), text)
    for (const file of listFiles(bundledTemplatesDir))
      fs.put(join('/m/theme', file), readFileSync(join(bundledTemplatesDir, file)))
    const { runner } = countingRunner()
    const deps = memoryDeps(fs, { templatesDir: '/m/theme', macroRunners: [runner] })
    const first = await buildSite({ root }, deps, { keep: true })
    const state = first.state
    if (!state) throw new Error('no state')
    const home = () => Buffer.from(deps.writer.files.get('index.html') as Uint8Array).toString()
    expect(home()).not.toContain('>fresh<')
    // An old post (not on the home page) gets a new tag: the home page's tag cloud shows it.
    const file = 'posts/p0.md'
    fs.put(
      join(root, file),
      `---\ntitle: Post 0\ndate: 2024-01-01\ntags: [fresh]\n---\n\nText 0.\n`,
    )
    const cache = deps.stores.cache(state.config.paths.cache)
    await rebuildSite(state, { ...emptyChanges(), content: [file] }, deps, cache)
    expect(home()).toContain('>fresh<')
  })
})

/** The files of a txtar text. */
function filesOf(txtar: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const part of txtar
    .split(/^-- (.+) --$/m)
    .slice(1)
    .reduce<string[][]>((acc, x, i) => {
      if (i % 2 === 0) acc.push([x])
      else (acc.at(-1) as string[]).push(x.replace(/^\n/, ''))
      return acc
    }, []))
    out[part[0] as string] = part[1] as string
  return out
}
