// The search index in the build cache (#16): a build whose posts' bodies, titles and URLs did
// not change — a template edit — takes the index from the cache and starts no Pagefind; a
// body edit, or an index file gone from the cache, makes it again; a build that changed
// nothing is replayed and counts the index as cached. Each build's files are
// byte for byte those of a build without the cache.

import { appendFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { diskStores } from '../../src/build/deps.js'
import { build } from '../../src/build/index.js'
import { copyFixture, listFiles, tempDir } from '../helpers/site.js'

const files = (out: string) =>
  new Map(
    listFiles(out)
      .filter((f) => f !== '.bds-output.json')
      .map((f) => [f, readFileSync(join(out, f))]),
  )

describe('the search index in the build cache', () => {
  it('is taken after a template edit and made again after a body edit', async () => {
    const site = copyFixture('sites/blog')
    const run = async (cache = true) => {
      const out = join(tempDir('bds-out-'), 'out')
      const report = await build(
        { root: site, out, cache },
        { parallel: false, stores: diskStores },
      )
      expect(report.ok).toBe(true)
      return { report, files: files(out) }
    }
    const search = (r: Awaited<ReturnType<typeof run>>) => r.report.cache?.search
    expect(search(await run())).toEqual({ cached: 0, computed: 1 })

    appendFileSync(join(site, 'templates/partials/footer.liquid'), '<!-- edited -->\n')
    const edited = await run()
    expect(search(edited)).toEqual({ cached: 1, computed: 0 })
    expect(edited.report.cache?.pages.computed).toBeGreaterThan(0) // built, not replayed
    expect([...edited.files.keys()].some((f) => f.startsWith('pagefind/'))).toBe(true)
    expect(edited.files).toEqual((await run(false)).files)
    // Nothing changed since: the whole build is replayed, and says where its index came from.
    const replayed = await run()
    expect(replayed.report.cache?.pages.computed).toBe(0)
    expect(search(replayed)).toEqual({ cached: 1, computed: 0 })
    expect(replayed.files).toEqual(edited.files)

    const post = join(
      site,
      'posts',
      readdirSync(join(site, 'posts'), { recursive: true })
        .map(String)
        .find(
          (f) => f.endsWith('.md') && !readFileSync(join(site, 'posts', f), 'utf8').includes('[['),
        ) as string,
    )
    writeFileSync(post, `${readFileSync(post, 'utf8')}\nA new closing line.\n`)
    const body = await run()
    expect(search(body)).toEqual({ cached: 0, computed: 1 })
    expect(body.files).toEqual((await run(false)).files)

    // An index file gone from the cache: made again, not written without it.
    appendFileSync(join(site, 'templates/partials/footer.liquid'), '<!-- again -->\n')
    const db = new Database(join(site, '.bds/cache.db'), { readonly: true })
    const listed = JSON.parse(db.prepare('SELECT value FROM search').pluck().get() as string)
    const row = (listed as [string, string][])[0]?.[1]
    const hash = db.prepare('SELECT hash FROM pages WHERE key = ?').pluck().get(row) as string
    db.close()
    rmSync(join(site, '.bds/pages', hash.slice(0, 2), hash.slice(2)))
    const gone = await run()
    expect(search(gone)).toEqual({ cached: 0, computed: 1 })
    expect(gone.files).toEqual((await run(false)).files)
  }, 240_000) // ten builds, three of them starting Python (--no-cache): ~12 s alone, 21 s loaded
})
