// Watch mode's incremental rebuilds (#8): after every kind of change, the output folder of
// the session must be byte for byte what a clean full build of the same files produces.

import { mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emptyChanges, openSession, type SiteChanges, type SiteSession } from '../../dist/index.js'
import { copyFixture, listFiles } from '../helpers/site.js'
import { cleanBuild, treeDifferences } from '../helpers/watch.js'

const none = emptyChanges()

/** Differences between the session's output and a clean full build of a copy of the site. */
const differences = async (root: string, out: string) =>
  treeDifferences(out, await cleanBuild(root))

function write(root: string, file: string, text: string): void {
  mkdirSync(dirname(join(root, file)), { recursive: true })
  writeFileSync(join(root, file), text)
}

const edit = (root: string, file: string, fn: (text: string) => string) =>
  writeFileSync(join(root, file), fn(readFileSync(join(root, file), 'utf8')))

/** Sets a front matter key: replaces its line, or adds it after the opening `---`. */
const setKey = (text: string, key: string, value: string) =>
  new RegExp(`^${key}:`, 'm').test(text)
    ? text.replace(new RegExp(`^${key}: .*$`, 'm'), `${key}: ${value}`)
    : text.replace('---\n', `---\n${key}: ${value}\n`)

// `parallel: true` sends half of the changed post pages to the render worker, as a template
// edit on a large site does.
describe.each([
  ['blog', 'auto'],
  ['macros', 'auto'],
  ['blog', true],
] as const)('incremental rebuilds of fixtures/sites/%s (render worker: %s)', (site, parallel) => {
  let root: string
  let session: SiteSession
  beforeAll(async () => {
    root = copyFixture(`sites/${site}`)
    session = await openSession({ root }, { parallel })
  })
  afterAll(() => session.close())
  const out = () => join(root, 'dist')
  const rebuild = async (changes: Partial<SiteChanges>) => {
    const result = await session.rebuild({ ...none, ...changes })
    expect(await differences(root, out())).toEqual([])
    return result
  }
  const firstPost = () => listFiles(join(root, 'posts')).map((f) => `posts/${f}`)[0] as string

  it('starts from a full build', async () => {
    expect(session.first.report.upToDate).toBe(false)
    expect(await differences(root, out())).toEqual([])
  })

  it('re-renders an edited post, its neighbours and its lists, and nothing else', async () => {
    const file = firstPost()
    edit(root, file, (t) => `${t}\n\nAn added paragraph.\n`)
    const { report, changed } = await rebuild({ content: [file] })
    expect(changed.some((p) => p.endsWith('/index.html'))).toBe(true)
    expect(report.outputs.written).toBeLessThan(report.outputs.total / 3)
  })

  it('follows title, tag and date changes through lists, feeds and archives', async () => {
    const file = firstPost()
    edit(root, file, (t) =>
      setKey(
        setKey(setKey(t, 'title', '"A brand new title"'), 'tags', '[fresh-tag, Meta]'),
        'date',
        '2023-02-03 10:00',
      ),
    )
    const { changed } = await rebuild({ content: [file] })
    expect(changed).toContain('tag/fresh-tag/index.html')
    expect(changed).toContain('2023/02/03/index.html')
  })

  it('adds, drafts and deletes posts', async () => {
    write(
      root,
      'posts/2025/05/new-one.md',
      '---\ntitle: New one\ndate: 2025-05-05\ntags: [x]\n---\n\nHi.\n',
    )
    await rebuild({ content: ['posts/2025/05/new-one.md'] })
    edit(root, 'posts/2025/05/new-one.md', (t) =>
      t.replace('tags: [x]', 'tags: [x]\nstatus: draft'),
    )
    await rebuild({ content: ['posts/2025/05/new-one.md'] })
    unlinkSync(join(root, 'posts/2025/05/new-one.md'))
    const file = firstPost()
    unlinkSync(join(root, file))
    const { changed } = await rebuild({ content: ['posts/2025/05/new-one.md', file] })
    expect(changed.length).toBeGreaterThan(0)
  })

  it('keeps the last good version of a post whose front matter breaks', async () => {
    const file = firstPost()
    const good = readFileSync(join(root, file), 'utf8')
    writeFileSync(join(root, file), good.replace(/^date: .*$/m, 'date: [unclosed'))
    const broken = await session.rebuild({ ...none, content: [file] })
    const error = broken.report.diagnostics.find((d) => d.severity === 'error')
    expect(error).toMatchObject({ code: 'BDS_FRONTMATTER_YAML', file })
    expect(broken.changed).toEqual([])
    writeFileSync(join(root, file), good.replace('\n---\n', '\nauthor: Fixed\n---\n'))
    const fixed = await rebuild({ content: [file] })
    expect(fixed.report.errors).toBe(0)
  })

  it('re-renders the pages of an edited template; a Liquid error keeps the old pages', async () => {
    write(root, 'templates/partials/footer.liquid', '<footer>Made by hand</footer>')
    const { changed } = await rebuild({ templates: true })
    expect(changed).toContain('index.html')
    write(root, 'templates/post.liquid', "{%- layout 'base.liquid' %}<h1>{{ post.title </h1>")
    const broken = await session.rebuild({ ...none, templates: true })
    const parse = broken.report.diagnostics.find((d) => d.code === 'BDS_TEMPLATE_PARSE')
    expect(parse).toMatchObject({ file: 'templates/post.liquid', line: 1 })
    expect(broken.changed).toEqual([])
    write(root, 'templates/post.liquid', "{%- layout 'base.liquid' %}<h1>{{ post.title }}</h1>")
    await rebuild({ templates: true })
    write(root, 'templates/partials/post-summary.liquid', '<h2>{{ post.title }}</h2>')
    expect((await rebuild({ templates: true })).changed).toContain('index.html')
    write(root, 'templates/assets/bds.css', 'body { color: teal }\n')
    expect((await rebuild({ templates: true })).changed).toEqual(['assets/bds.css'])
  })

  it('follows pages, static and media files, scripts and the config', async () => {
    write(root, 'pages/contact.md', '---\ntitle: Contact\n---\n\nWrite to me.\n')
    await rebuild({ content: ['pages/contact.md'] })
    write(root, 'static/notes.txt', 'notes\n')
    await rebuild({ static: true })
    rmSync(join(root, 'media'), { recursive: true, force: true })
    await rebuild({ media: true })
    write(root, 'scripts/hello.py', 'def render(context, post):\n    return "hi"\n')
    write(root, 'posts/2025/06/calls.md', '---\ntitle: Calls\ndate: 2025-06-01\n---\n\n[[hello]]\n')
    await rebuild({ scripts: true, content: ['posts/2025/06/calls.md'] })
    edit(root, 'scripts/hello.py', (t) => t.replace('"hi"', '"hello"'))
    await rebuild({ scripts: true })
    edit(root, 'bds.config.json', (t) => t.replace(/"postsPerPage": \d+/, '"postsPerPage": 2'))
    const { report } = await rebuild({ config: true })
    expect(report.outputs.total).toBeGreaterThan(0)
  })

  it('follows data files, in templates and in the Python macros that read them', async () => {
    write(root, 'data/blogroll.json', '[{"title": "Zola", "url": "https://www.getzola.org/"}]')
    await rebuild({ data: true })
    write(root, 'data/bikes.yaml', '- {name: Tandem, since: 2025, km: 3, note: new}\n')
    await rebuild({ data: true })
    rmSync(join(root, 'data'), { recursive: true, force: true })
    await rebuild({ data: true })
  })

  it('fails every rebuild while the config is broken, and rebuilds in full once it is fixed', async () => {
    const good = readFileSync(join(root, 'bds.config.json'), 'utf8')
    writeFileSync(join(root, 'bds.config.json'), '{"postsPerPage": "many"}')
    await expect(session.rebuild({ ...none, config: true })).rejects.toMatchObject({
      code: 'BDS_CONFIG_INVALID',
    })
    const file = firstPost()
    edit(root, file, (t) => `${t}\nWritten while the config is broken.\n`)
    await expect(session.rebuild({ ...none, content: [file] })).rejects.toMatchObject({
      code: 'BDS_CONFIG_INVALID',
    })
    writeFileSync(join(root, 'bds.config.json'), good)
    await rebuild({ content: [file] })
  })
})

// A bDS project with an /en/ subtree (#12): every rebuild still equals a clean build —
// translations edited, added and removed, a post kept out of the subtree, list rules changed.
describe('incremental rebuilds of fixtures/sites/bds-project (language trees)', () => {
  let root: string
  let session: SiteSession
  beforeAll(async () => {
    root = copyFixture('sites/bds-project')
    session = await openSession({ root }, { parallel: 'auto' })
  })
  afterAll(() => session.close())
  const rebuild = async (changes: Partial<SiteChanges>) => {
    const result = await session.rebuild({ ...none, ...changes })
    expect(await differences(root, join(root, 'dist'))).toEqual([])
    return result
  }
  const translation = 'posts/2025/03/hallo-welt.en.md'

  it('follows an edited translation into its subtree only', async () => {
    edit(root, translation, (t) => t.replace('title: Hello World', 'title: Hello, new world'))
    const { changed } = await rebuild({ content: [translation] })
    expect(changed).toContain('en/2025/03/02/hallo-welt/index.html')
    expect(changed).not.toContain('2025/03/02/hallo-welt/index.html')
  })

  it('adds and removes a translation, and keeps a post out of the subtree', async () => {
    const file = 'posts/2025/06/sommerabend.en.md'
    const post = readFileSync(join(root, 'posts/2025/06/sommerabend.md'), 'utf8')
    const id = /^id: (.*)$/m.exec(post)?.[1] as string
    write(
      root,
      file,
      `---\ntranslationFor: ${id}\nlanguage: en\ntitle: Summer evening\n---\nWarm.\n`,
    )
    await rebuild({ content: [file] })
    unlinkSync(join(root, file))
    await rebuild({ content: [file] })
    edit(root, 'posts/2025/06/sommerabend.md', (t) =>
      t.replace('---\n', '---\ndoNotTranslate: true\n'),
    )
    const { changed } = await rebuild({ content: ['posts/2025/06/sommerabend.md'] })
    expect(changed).toContain('en/2025/06/21/sommerabend/index.html')
  })

  it('rebuilds in full when the category rules change', async () => {
    const meta = 'meta/category-meta.json'
    edit(root, meta, (t) => t.replace('"renderInLists": false', '"renderInLists": true'))
    await rebuild({ config: true })
  })
})
