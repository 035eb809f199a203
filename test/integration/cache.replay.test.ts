// Replaying a whole build from the build cache (#16) when the cache cannot give every page:
// a record whose page row is gone, and a file that fails while its rows are read (after some
// pages were written). Either way the pipeline builds the site, with the same bytes as a build
// without the cache; a failing file is reported and set aside. A record that held a post back
// for its date is not replayed once the post is due, nor one without drafts for --drafts.

import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { diskStores } from '../../src/build/deps.js'
import { build, type Stores } from '../../src/build/index.js'
import { type CacheDb, openCacheFile } from '../../src/cache/index.js'
import { DATED_SITE, inlineSite, listFiles, tempDir } from '../helpers/site.js'

const posts = [1, 2, 3, 4]
  .map(
    (n) =>
      `-- posts/p${n}.md --\n---\ntitle: P${n}\ndate: 2024-05-0${n}\n---\nPost ${n} [[youtube id=v${n}]]\n`,
  )
  .join('')
const SITE = `-- bds.config.json --\n{"title": "T", "url": "https://example.com"}\n${posts}`

const files = (out: string) =>
  new Map(
    listFiles(out)
      .filter((f) => f !== '.bds-output.json')
      .map((f) => [f, readFileSync(join(out, f))]),
  )

/** A cache file whose page rows fail after the first one is read. */
function failingReads(dir: string): CacheDb {
  const db = openCacheFile(dir)
  return {
    ...db,
    *eachPage(keys) {
      let n = 0
      for (const row of db.eachPage(keys)) {
        if (n++ === 1) throw new Error('disk I/O error')
        yield row
      }
    },
  }
}

describe('a build that cannot replay every page', () => {
  const setup = () => {
    const root = inlineSite(SITE)
    const run = async (more: { cache?: boolean; stores?: Stores } = {}) => {
      const out = join(tempDir('bds-out-'), 'out')
      const { stores, ...inline } = more
      const report = await build(
        { root, out, ...inline },
        { parallel: false, stores: stores ?? diskStores },
      )
      return { report, files: files(out) }
    }
    return { root, run }
  }

  it('builds through the pipeline when a row of the record is gone', async () => {
    const { root, run } = setup()
    const plain = await run({ cache: false })
    await run()
    const db = new Database(join(root, '.bds', 'cache.db'))
    db.exec('DELETE FROM pages WHERE rowid = (SELECT min(rowid) FROM pages)')
    db.close()
    const again = await run()
    expect(again.report.steps.map((s) => s.name)).toContain('pages')
    expect(again.report.cache?.pages.cached).toBeGreaterThan(0)
    expect(again.files).toEqual(plain.files)
    // … and the next build replays again.
    const replayed = await run()
    expect(replayed.report.steps.map((s) => s.name)).toContain('replay')
    expect(replayed.files).toEqual(plain.files)
  })

  it('builds through the pipeline when a page’s file was edited or removed', async () => {
    const { root, run } = setup()
    const plain = await run({ cache: false })
    await run()
    const pages = join(root, '.bds', 'pages')
    const stored = readdirSync(pages, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
    const edited = stored.find((f) => readFileSync(f, 'utf8').includes('Post 1'))
    writeFileSync(
      edited as string,
      readFileSync(edited as string, 'utf8').replace('Post 1', 'Post X'),
    )
    rmSync(stored.find((f) => f !== edited) as string)
    const again = await run()
    expect(again.report.steps.map((s) => s.name)).toContain('pages')
    expect(again.files).toEqual(plain.files)
    expect((await run()).report.steps.map((s) => s.name)).toContain('replay')
  })

  it('builds through the pipeline, with a warning, when the file fails mid-replay', async () => {
    const { root, run } = setup()
    const plain = await run({ cache: false })
    await run()
    const failed = await run({ stores: { ...diskStores, results: failingReads } })
    expect(failed.files).toEqual(plain.files)
    expect(failed.report.ok).toBe(true)
    const warning = failed.report.diagnostics.find((d) => d.code === 'BDS_CACHE_RESET')
    expect(warning?.message).toContain('disk I/O error')
    expect(existsSync(join(root, '.bds', 'cache.db'))).toBe(false) // set aside
    const next = await run()
    expect(next.files).toEqual(plain.files)
    expect(next.report.cache?.pages.cached).toBe(0)
  })
})

describe('a record of a build that held posts back or left drafts out', () => {
  const run = async (root: string, now: string, more: { drafts?: boolean } = {}) => {
    const out = join(tempDir('bds-out-'), 'out')
    const report = await build(
      { root, out, ...more },
      { parallel: false, stores: diskStores, now: () => new Date(now) },
    )
    return { report, out, steps: report.steps.map((s) => s.name) }
  }

  it('is replayed while the held post is not due, and built once it is', async () => {
    const root = inlineSite(DATED_SITE)
    await run(root, '2025-01-01T00:00:00Z')
    const early = await run(root, '2025-02-01T00:00:00Z')
    expect(early.steps).toContain('replay')
    expect(existsSync(join(early.out, '2025/06/01/soon/index.html'))).toBe(false)
    const due = await run(root, '2025-07-01T00:00:00Z')
    expect(due.steps).not.toContain('replay')
    expect(due.report.future).toBe(0)
    expect(readFileSync(join(due.out, '2025/06/01/soon/index.html'), 'utf8')).toContain(
      'Scheduled.',
    )
  })

  it('is not replayed for a build with --drafts, which has a record of its own', async () => {
    const root = inlineSite(DATED_SITE)
    await run(root, '2025-07-01T00:00:00Z')
    const drafts = await run(root, '2025-07-01T00:00:00Z', { drafts: true })
    expect(drafts.steps).not.toContain('replay')
    expect(drafts.report.drafts).toBe(1)
    expect(existsSync(join(drafts.out, '2024/04/01/idea/index.html'))).toBe(true)
    const again = await run(root, '2025-07-01T00:00:00Z', { drafts: true })
    expect(again.steps).toContain('replay')
    expect(existsSync(join(again.out, '2024/04/01/idea/index.html'))).toBe(true)
  })
})
