// Data files (issue 18, item 6) through the pipeline in memory: site.data in templates,
// bds.data in a Python macro (a fake host), a watch rebuild re-running only the macros that
// read a changed name, the up-to-date check, and a bad file at its position.

import { describe, expect, it } from 'vitest'
import { build, buildSite, emptyChanges, memoryDeps, rebuildSite } from '../../src/build/index.js'
import { fakePythonHost, returns } from '../helpers/fake-python.js'
import { MEMORY_ROOT, MEMORY_THEME, memorySite } from '../helpers/memory.js'

const script = (slug: string) =>
  `"""\n---\nslug: ${slug}\nkind: macro\nentrypoint: render\n---\n"""\nimport bds\n\n\ndef render(context, post):\n    return ""\n`

function site() {
  return memorySite({
    'bds.config.json': '{"title": "Data", "url": "https://data.example"}',
    'data/links.json': '[{"title": "Hugo", "url": "https://gohugo.io/"}]',
    'data/bikes.yaml': '- name: Steel\n  km: 10\n',
    'templates/partials/footer.liquid':
      '<footer>{% for l in site.data.links %}<a href="{{ l.url }}">{{ l.title }}</a>{% endfor %}</footer>',
    'scripts/bikes.py': script('bikes'),
    'scripts/hello.py': script('hello'),
    'posts/bikes.md': '---\ntitle: Bikes\ndate: 2024-01-02\n---\n[[bikes]]\n',
    'posts/hello.md': '---\ntitle: Hello\ndate: 2024-01-01\n---\n[[hello]]\n',
  })
}

function setup(fs = site()) {
  const host = fakePythonHost({
    bikes: () => {
      const bikes = (host.siteData?.data?.bikes ?? []) as { name: string }[]
      return returns(`<p>${bikes.map((b) => b.name).join(', ')}</p>`, { reads: ['data:bikes'] })
    },
    hello: () => returns('<p>hello</p>'),
  })
  const deps = memoryDeps(fs, { templatesDir: MEMORY_THEME, python: () => host })
  const read = (path: string) => Buffer.from(deps.writer.files.get(path) ?? '').toString('utf8')
  return { fs, host, deps, read }
}

const called = (host: ReturnType<typeof fakePythonHost>) =>
  host.calls.map((c) => c.script.slug).sort()

describe('data files', () => {
  it('reach templates as site.data and Python as bds.data', async () => {
    const { deps, host, read } = setup()
    const report = await build({ root: MEMORY_ROOT, strict: true }, deps)
    expect(report.diagnostics).toEqual([])
    expect(read('index.html')).toContain('<footer><a href="https://gohugo.io/">Hugo</a></footer>')
    expect(read('2024/01/02/bikes/index.html')).toContain('<p>Steel</p>')
    expect(host.siteData?.data).toEqual({
      bikes: [{ name: 'Steel', km: 10 }],
      links: [{ title: 'Hugo', url: 'https://gohugo.io/' }],
    })
  })

  it('rebuild in watch mode: a template change of data re-renders, a read name re-runs its macros only', async () => {
    const { fs, deps, host, read } = setup()
    const first = await buildSite({ root: MEMORY_ROOT }, deps, { keep: true })
    let state = first.state
    if (!state) throw new Error('no state')
    const cache = deps.stores.cache(state.config.paths.cache)
    expect(called(host)).toEqual(['bikes', 'hello'])

    fs.put(`${MEMORY_ROOT}/data/links.json`, '[{"title": "Zola", "url": "https://getzola.org/"}]')
    let again = await rebuildSite(state, { ...emptyChanges(), data: true }, deps, cache)
    state = again.state
    expect(read('index.html')).toContain('<a href="https://getzola.org/">Zola</a>')
    expect(called(host)).toEqual(['bikes', 'hello'])

    fs.put(`${MEMORY_ROOT}/data/bikes.yaml`, '- name: Steel\n- name: City\n')
    again = await rebuildSite(state, { ...emptyChanges(), data: true }, deps, cache)
    expect(called(host)).toEqual(['bikes', 'bikes', 'hello'])
    expect(read('2024/01/02/bikes/index.html')).toContain('<p>Steel, City</p>')
    expect(again.changed).toContain('2024/01/02/bikes/index.html')
    expect(again.changed).not.toContain('2024/01/01/hello/index.html')

    // The rebuild's output equals a clean build's.
    const clean = setup(fs)
    await build({ root: MEMORY_ROOT }, clean.deps)
    for (const [path, bytes] of clean.deps.writer.files)
      if (!path.startsWith('.')) expect(read(path), path).toBe(Buffer.from(bytes).toString('utf8'))
  })

  it('make a build that skipped nothing when a data file changed', async () => {
    const { fs, deps } = setup()
    await build({ root: MEMORY_ROOT }, deps)
    expect((await build({ root: MEMORY_ROOT }, deps)).upToDate).toBe(true)
    fs.put(`${MEMORY_ROOT}/data/links.json`, '[]')
    expect((await build({ root: MEMORY_ROOT }, deps)).upToDate).toBe(false)
  })

  it('report a bad file at its line and column and build the rest', async () => {
    const fs = site()
    fs.put(`${MEMORY_ROOT}/data/links.json`, '[\n  {"title": "Hugo",}\n]')
    const { deps, read } = setup(fs)
    const report = await build({ root: MEMORY_ROOT }, deps)
    expect(report.diagnostics.map((d) => `${d.code} ${d.file}:${d.line}:${d.column}`)).toEqual([
      'BDS_DATA_PARSE data/links.json:2:20',
    ])
    expect(read('index.html')).toContain('<footer></footer>')
  })
})
