// `bds ingest` through the real CLI where no Python runs (issue #7): input from stdin, a file
// or flags; sanitising errors with exit code 1 and nothing written; usage errors (2);
// --dry-run; --json; slug collisions; --publish; --no-transforms; the bookmarklet.

import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { ingestReportSchema } from '../../src/ingest/index.js'
import { bdsInProcess } from '../helpers/cli.js'
import { inlineSite, repoRoot } from '../helpers/site.js'

const CONFIG =
  '-- bds.config.json --\n{"title": "Links", "url": "https://links.example", "timezone": "Pacific/Auckland"}\n'
const validReport = new Ajv({ allErrors: true }).compile(ingestReportSchema)

/** Runs bds with `input` on stdin. */
function pipe(root: string, args: string[], input: string | Buffer) {
  const r = spawnSync(process.execPath, [join(repoRoot, 'bin/bds.js'), '-C', root, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', TZ: 'UTC' },
  })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

const posts = (root: string) =>
  existsSync(join(root, 'posts'))
    ? readdirSync(join(root, 'posts'), { recursive: true, encoding: 'utf8' }).filter(
        (f) => f.endsWith('.md') || f.includes('tmp'),
      )
    : []

const bookmark = JSON.stringify({
  url: 'https://www.example.com/article?id=7#comments',
  title: 'An article worth keeping',
  text: 'The one sentence\nthat matters.',
  tags: ['reading', ' Reading '],
  categories: ['blogmark'],
})

describe('bds ingest without transforms', () => {
  it('reads stdin, writes a draft in posts/YYYY/MM (site timezone) that builds, and says so', async () => {
    const root = inlineSite(CONFIG)
    const r = pipe(root, ['ingest', '-'], bookmark)
    expect(r.status, r.stderr).toBe(0)
    const [, file] =
      /^Wrote (posts\/\d{4}\/\d{2}\/an-article-worth-keeping\.md) \(draft\)$/m.exec(r.stdout) ?? []
    expect(file).toBeDefined()
    expect(r.stdout).toContain('Transforms: none (no enabled transform script in scripts/).')
    const text = readFileSync(join(root, file as string), 'utf8')
    expect(text).toMatch(
      /^---\nid: "[0-9a-f-]{36}"\ntitle: "An article worth keeping"\nslug: "an-article-worth-keeping"\nstatus: "draft"\ncreatedAt: "[^"]+Z"\nupdatedAt: "[^"]+Z"\ntags: \["reading"\]\ncategories: \["blogmark"\]\nsource_url: "https:\/\/www.example.com\/article\?id=7"\n---\n\n/,
    )
    expect(text).toContain(
      '[An article worth keeping](https://www.example.com/article?id=7)\n\n> The one sentence\n> that matters.\n',
    )
    const build = await bdsInProcess(
      ['-C', root, 'build', '--drafts', '--strict', '--quiet'],
      repoRoot,
    )
    expect(build.status, build.stderr).toBe(0)
    const page = readdirSync(join(root, 'dist'), { recursive: true, encoding: 'utf8' }).find((f) =>
      f.endsWith('an-article-worth-keeping/index.html'),
    )
    expect(readFileSync(join(root, 'dist', page as string), 'utf8')).toContain('<blockquote>')
  })

  it('reads a file or --url flags; --publish writes status published', async () => {
    const root = inlineSite(`${CONFIG}-- bm.json --\n${bookmark}\n`)
    expect((await bdsInProcess(['-C', root, 'ingest', 'bm.json'], repoRoot)).status).toBe(0)
    const r = await bdsInProcess(
      [
        '-C',
        root,
        'ingest',
        '--url',
        'https://e.com/x',
        '--title',
        'Flags',
        '--tags',
        'a, b,,a',
        '--publish',
      ],
      repoRoot,
    )
    expect(r.status, r.stderr).toBe(0)
    const file = /^Wrote (\S+) \(published\)$/m.exec(r.stdout)?.[1] as string
    expect(readFileSync(join(root, file), 'utf8')).toMatch(
      /^status: "published"\n[\s\S]*^tags: \["a","b"\]$/m,
    )
  })

  it('never overwrites: the same bookmark again gets slug-2, then slug-3', async () => {
    const root = inlineSite(CONFIG)
    const files = [1, 2, 3].map(
      () => /^Wrote (\S+)/m.exec(pipe(root, ['ingest', '-'], bookmark).stdout)?.[1],
    )
    expect(files.map((f) => f?.split('/').pop())).toEqual([
      'an-article-worth-keeping.md',
      'an-article-worth-keeping-2.md',
      'an-article-worth-keeping-3.md',
    ])
    expect(readFileSync(join(root, files[2] as string), 'utf8')).toContain(
      'slug: "an-article-worth-keeping-3"',
    )
  })

  it('--dry-run prints the post on stdout and writes nothing', async () => {
    const root = inlineSite(CONFIG)
    const r = pipe(root, ['ingest', '-', '--dry-run'], bookmark)
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toMatch(
      /^---\nid: "[0-9a-f-]{36}"\ntitle: "An article worth keeping"\n[\s\S]*\n---\n\n\[An article/,
    )
    expect(r.stderr).toMatch(
      /^Would write \(dry run, nothing written\) posts\/\d{4}\/\d{2}\/an-article-worth-keeping\.md \(draft\)$/m,
    )
    expect(posts(root)).toEqual([])
    expect(existsSync(join(root, 'posts'))).toBe(false)
  })

  it.each([
    [
      'a javascript: URL',
      { url: 'javascript:alert(document.cookie)', title: 'x' },
      'BDS_INGEST_URL',
      'must link to an http: or https: address',
    ],
    [
      'a data: URL',
      { url: 'data:text/html;base64,PHNjcmlwdD4=' },
      'BDS_INGEST_URL',
      'uses "data:"',
    ],
    [
      'a URL with control characters hiding javascript:',
      { url: '\u0000java\nscript:alert(1)' },
      'BDS_INGEST_URL',
      'uses "javascript:"',
    ],
    [
      'a URL over 2048 characters',
      { url: `https://e.com/${'a'.repeat(2100)}` },
      'BDS_INGEST_URL',
      'at most 2048 are allowed',
    ],
    ['no URL', { title: 'x' }, 'BDS_INGEST_INPUT', 'has no "url"'],
    [
      'tags as a string',
      { url: 'https://e.com', tags: 'a,b' },
      'BDS_INGEST_INPUT',
      'must be a list of strings',
    ],
  ])('refuses %s: exit 1, a clear message, nothing written', (_name, input, code, message) => {
    const root = inlineSite(CONFIG)
    const r = pipe(root, ['ingest', '-'], JSON.stringify(input))
    expect(r.status).toBe(1)
    expect(r.stderr).toContain(`error ${code}: `)
    expect(r.stderr).toContain(message)
    expect(r.stderr).toContain('hint: ')
    expect(r.stdout).toBe('')
    expect(existsSync(join(root, 'posts'))).toBe(false)
  })

  it('refuses input that is not UTF-8 or not JSON, naming where', async () => {
    const root = inlineSite(CONFIG)
    const latin1 = Buffer.from('{"url": "https://e.com", "title": "Caf\xe9"}', 'latin1')
    const r = pipe(root, ['ingest', '-'], latin1)
    expect(r.status).toBe(1)
    expect(r.stderr).toContain(
      '<stdin> is not UTF-8 text (the byte at offset 38 is not valid UTF-8)',
    )
    writeFileSync(join(root, 'bad.json'), '{"url": "https://e.com",\n "title": \'x\'}')
    const bad = await bdsInProcess(['-C', root, 'ingest', 'bad.json'], repoRoot)
    expect(bad.status).toBe(1)
    expect(bad.stderr).toContain('bad.json is not valid JSON')
    expect(bad.stderr).toContain('--> bad.json:2:11')
    expect((await bdsInProcess(['-C', root, 'ingest', 'missing.json'], repoRoot)).stderr).toContain(
      'The bookmark file missing.json does not exist',
    )
    expect(posts(root)).toEqual([])
  })

  it('exits 2 for usage errors', async () => {
    const root = inlineSite(CONFIG)
    for (const args of [
      ['ingest'],
      ['ingest', 'bm.json', '--url', 'https://e.com'],
      ['ingest', '-', '--title', 'T'],
      ['ingest', '--nope'],
    ]) {
      const r = await bdsInProcess(['-C', root, ...args], repoRoot)
      expect(r.status, args.join(' ')).toBe(2)
    }
  })

  it('--json prints a report that matches its schema, on success and on failure', async () => {
    const root = inlineSite(CONFIG)
    const ok = pipe(
      root,
      ['ingest', '-', '--json'],
      JSON.stringify({ url: 'https://e.com', tag: ['typo'] }),
    )
    expect(ok.status, ok.stderr).toBe(0)
    const report = JSON.parse(ok.stdout)
    expect(validReport(report), JSON.stringify(validReport.errors)).toBe(true)
    expect(report).toMatchObject({
      ok: true,
      written: true,
      status: 'draft',
      transforms: [],
      post: { title: 'e.com', slug: 'e-com' },
    })
    expect(report.diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'BDS_INGEST_INPUT' }),
    ])
    expect(readFileSync(join(root, report.file), 'utf8')).toBe(report.text)
    const bad = pipe(root, ['ingest', '-', '--json'], '{"url": "ftp://e.com"}')
    expect(bad.status).toBe(1)
    const failed = JSON.parse(bad.stdout)
    expect(validReport(failed)).toBe(true)
    expect(failed).toMatchObject({
      ok: false,
      written: false,
      diagnostics: [{ code: 'BDS_INGEST_URL' }],
    })
  })

  it('runs no disabled transform, and none with --no-transforms', async () => {
    const header = (enabled: boolean) =>
      `"""\n---\nid: "t1"\nslug: "t"\ntitle: "T"\nkind: "transform"\nentrypoint: "transform"\nenabled: ${enabled}\nversion: 1\n---\n"""\ndef transform(post, context):\n    return None\n`
    const root = inlineSite(`${CONFIG}-- scripts/t.py --\n${header(false)}`)
    const off = await bdsInProcess(['-C', root, 'ingest', '--url', 'https://e.com/1'], repoRoot)
    expect(off.status, off.stderr).toBe(0)
    expect(off.stdout).toContain('Transforms: none')
    writeFileSync(join(root, 'scripts/t.py'), header(true))
    const skipped = await bdsInProcess(
      ['-C', root, 'ingest', '--url', 'https://e.com/2', '--no-transforms'],
      repoRoot,
    )
    expect(skipped.status, skipped.stderr).toBe(0)
    expect(skipped.stdout).toContain('Transforms: skipped (--no-transforms).')
  })

  it('--bookmarklet prints a javascript: bookmark and the command for this site', async () => {
    const root = inlineSite(CONFIG)
    const r = await bdsInProcess(['-C', root, 'ingest', '--bookmarklet'], repoRoot)
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^javascript:\S+$/m)
    expect(r.stdout).toContain(`| bds -C '${root}' ingest -`)
  })
})
