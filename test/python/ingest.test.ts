// `bds ingest` through the compiled CLI and the real Python runtime (issue #7): fixture sites
// under fixtures/ingest/ hold transforms that tag, rewrite the title, raise, loop forever,
// return garbage or an invalid post, are async, take one parameter, or return None. Each
// failure is reported and skipped while the rest still apply; the post is written once,
// atomically, never over another file.

import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv } from 'ajv'
import matter from 'gray-matter'
import yaml from 'js-yaml'
import { beforeAll, describe, expect, it } from 'vitest'
import { ingestReportSchema } from '../../src/ingest/index.js'
import { bds, type CliResult, copyFixture, fixturesDir, tempDir } from '../helpers/site.js'

const BOOKMARK = join(fixturesDir, 'ingest/bookmark.json')
const URL = 'https://www.example.com/articles/42?ref=feed'
const validReport = new Ajv({ allErrors: true }).compile(ingestReportSchema)

const parse = (text: string) =>
  matter(text, { engines: { yaml: (s) => yaml.load(s, { schema: yaml.CORE_SCHEMA }) as object } })
const show = (r: CliResult) => `exit ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`
/** Every entry below posts/, folders and dotfiles included (a temporary file would show). */
const postFiles = (root: string) =>
  existsSync(join(root, 'posts'))
    ? readdirSync(join(root, 'posts'), { recursive: true, encoding: 'utf8' }).sort()
    : []
/** 1-based line of the first line of `file` containing `text`. */
const lineOf = (file: string, text: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(text)) + 1

const ORDER = [
  ['tag_domain', 'changed'],
  ['raises', 'failed'],
  ['retitle', 'changed'],
  ['garbage', 'invalid'],
  ['invalid', 'invalid'],
  ['spin', 'failed'],
  ['quote', 'changed'],
  ['keep', 'unchanged'],
  ['a_tie', 'changed'],
  ['b_tie', 'changed'],
]

describe('bds ingest with the fixture transforms', () => {
  let site: string
  let run: CliResult
  let dry: CliResult
  let raiseLine: number
  beforeAll(() => {
    site = copyFixture('ingest/transforms')
    raiseLine = lineOf(join(site, 'scripts/raises.py'), 'raise ValueError')
    run = bds(['-C', site, 'ingest', BOOKMARK])
    dry = bds(['-C', site, 'ingest', BOOKMARK, '--dry-run', '--json'])
  })

  it('exits 0 and writes one post carrying every valid change, in run order', () => {
    expect(run.status, show(run)).toBe(0)
    const file = /^Wrote (posts\/\d{4}\/\d{2}\/link-how-to-keep-links\.md) \(draft\)$/m.exec(
      run.stdout,
    )?.[1]
    expect(file, show(run)).toBeDefined()
    const text = readFileSync(join(site, file as string), 'utf8')
    const { data, content } = parse(text)
    expect(data).toMatchObject({
      title: 'Link: How to keep links',
      slug: 'link-how-to-keep-links',
      status: 'draft',
      tags: ['links', 'example.com', 'a_tie', 'b_tie'],
      categories: ['blogmark'],
      source_url: URL,
    })
    expect(content).toBe(
      `\n[How to keep links](${URL})\n\n> Links rot.\n> Keep a copy.\n\n> Source: ${URL}\n`,
    )
    expect(text).not.toContain('SHOULD NOT APPEAR')
  })

  it('prints which transforms ran, changed or failed, with their bds.log() messages and output', () => {
    expect(run.stdout).toContain('Transforms: 10 ran — 5 changed, 1 unchanged, 4 failed')
    const lines = run.stdout.split('\n').filter((l) => /^ {2}\S/.test(l))
    expect(lines.map((l) => l.trim().split(/\s+/).slice(0, 2))).toEqual(
      ORDER.map(([s, st]) => [st, s]),
    )
    expect(run.stdout).toContain('    log: retitled How to keep links')
    expect(run.stdout).toContain('    log: quoted')
    expect(run.stdout).toContain('    log: nothing to do for ingest')
    expect(run.stdout).toContain('    stdout: printed by keep')
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/disabled|macro_only/)
  })

  it('reports each failure with the script file:line, the exception and the traceback', () => {
    const err = run.stderr
    expect(err).toContain(
      `warning BDS_INGEST_TRANSFORM: The transform "raises" raised ValueError: cannot shape a post titled 'How to keep links'. It was skipped`,
    )
    expect(err).toContain(`--> scripts/raises.py:${raiseLine}:1`)
    expect(err).toMatch(new RegExp(`File "scripts/raises.py", line ${raiseLine}, in helper`))
    expect(err).toContain('The transform "spin" timed out after 1000 ms (python.timeoutMs)')
    expect(err).toContain(
      'The transform "garbage" returned no valid post: returned a list, not a post dict or None',
    )
    expect(err).toContain(
      'The transform "invalid" returned no valid post: post.title must be a string',
    )
  })

  it('--dry-run --json runs the same chain, writes nothing and names the next free slug', () => {
    expect(dry.status, show(dry)).toBe(0)
    const report = JSON.parse(dry.stdout)
    expect(validReport(report), JSON.stringify(validReport.errors)).toBe(true)
    expect(report.written).toBe(false)
    expect(report.file).toMatch(/\/link-how-to-keep-links-2\.md$/)
    expect(
      report.transforms.map((t: { slug: string; status: string }) => [t.slug, t.status]),
    ).toEqual(ORDER)
    const by = Object.fromEntries(report.transforms.map((t: { slug: string }) => [t.slug, t]))
    expect(by.raises.error).toMatchObject({
      kind: 'exception',
      type: 'ValueError',
      line: raiseLine,
    })
    expect(by.raises.error.traceback).toContain('ValueError: cannot shape')
    expect(by.spin.error.kind).toBe('timeout')
    expect(by.retitle.logs).toEqual(['retitled How to keep links'])
    expect(by.garbage.problems).toEqual(['returned a list, not a post dict or None'])
    expect(postFiles(site).filter((f) => f.endsWith('.md'))).toHaveLength(1)
  })
})

describe('bds ingest writing where a transform says', () => {
  it('leaves nothing behind when the write fails, then writes in the month of the set date', () => {
    const site = copyFixture('ingest/dated')
    writeFileSync(join(site, 'posts'), 'a file where the posts folder should be')
    const failed = bds(['-C', site, 'ingest', '--url', 'https://example.com/leap'])
    expect(failed.status, show(failed)).toBe(1)
    expect(failed.stderr).toContain(
      'error BDS_INGEST_WRITE: The post could not be written to posts/2020/02/',
    )
    expect(readFileSync(join(site, 'posts'), 'utf8')).toBe(
      'a file where the posts folder should be',
    )
    rmSync(join(site, 'posts'))
    const ok = bds(['-C', site, 'ingest', '--url', 'https://example.com/leap'])
    expect(ok.status, show(ok)).toBe(0)
    expect(postFiles(site)).toEqual(['2020', '2020/02', '2020/02/leap-day.md'])
    const { data } = parse(readFileSync(join(site, 'posts/2020/02/leap-day.md'), 'utf8'))
    // 23:30 in Berlin (UTC+1 in February) is 22:30 UTC.
    expect(data).toMatchObject({
      slug: 'leap-day',
      createdAt: '2020-02-29T22:30:00Z',
      excerpt: 'Saved on a leap day.',
    })
  })
})

describe('the bundled tag_domain transform', () => {
  it('tags a bookmark with its domain in a site made by bds init', () => {
    const site = join(tempDir(), 'blog')
    expect(bds(['init', site]).status).toBe(0)
    const r = bds([
      '-C',
      site,
      'ingest',
      '--url',
      'https://www.example.org/a',
      '--title',
      'T',
      '--json',
    ])
    expect(r.status, show(r)).toBe(0)
    const report = JSON.parse(r.stdout)
    expect(
      report.transforms.map((t: { slug: string; status: string }) => [t.slug, t.status]),
    ).toEqual([['tag_domain', 'changed']])
    expect(report.post.tags).toEqual(['example.org'])
  })
})
