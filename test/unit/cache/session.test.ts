// The build cache as a build sees it (#16): counts, writes queued until the end, unused rows
// dropped, a macro output stored without its position, and a file that fails mid-build —
// the cache turns itself off with a warning, the file is set aside, the build goes on.

import { existsSync, mkdtempSync, readdirSync, statSync, utimesSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import {
  type CacheDb,
  type CachedPage,
  configKey,
  createBuildCache,
  openCacheFile,
  runFlags,
} from '../../../src/cache/index.js'
import { restoreOutput, storeOutput } from '../../../src/cache/outputs.js'
import { resolveConfig } from '../../../src/config/index.js'
import { BdsError } from '../../../src/errors/index.js'
import { hashText } from '../../../src/util/hash.js'
import { openSqlite } from '../../../src/util/sqlite.js'

const memory = () => openCacheFile('', ':memory:')
/** A page's bytes to store under their hash, as the build stores them. */
const page = (text: string) => [hashText(text), { bytes: text }] as const
const text = (cached: CachedPage | undefined) =>
  cached && 'bytes' in cached.page ? Buffer.from(cached.page.bytes).toString() : undefined

describe('a build cache session', () => {
  it('counts, stores at the end, and drops what the build did not use', () => {
    const db = memory()
    const first = createBuildCache(db)
    expect(first.cold()).toBe(true)
    expect(first.get('markdown', 'm0')).toBeUndefined() // a first build looks nothing up
    first.put('markdown', 'm1', 'one')
    first.putPage('p1', ...page('<p>1</p>'))
    first.putMacro('k1', '[]', '{"html":"x","diagnostics":[]}')
    expect(first.get('markdown', 'm1')).toBe('one') // queued rows answer at once
    expect(db.get('markdown', 'm1')).toBeUndefined() // … and reach the file at the end
    first.count('pages', false, 2)
    first.finish(true)
    expect(first.report()).toMatchObject({ enabled: true, pages: { cached: 0, computed: 2 } })
    const second = createBuildCache(db)
    expect(second.cold()).toBe(false)
    expect(text(second.page('p1'))).toBe('<p>1</p>')
    expect(second.get('markdown', 'm1')).toBe('one')
    second.finish(true) // the macro row was not used: gone
    expect(db.macro('k1')).toBeUndefined()
    expect(db.get('markdown', 'm1')).toBe('one')
  })

  it('stores a page’s bytes at once and its row with the others, when the build asks', async () => {
    const db = memory()
    const cache = createBuildCache(db)
    const [hash, bytes] = page('x'.repeat(400))
    cache.putPage('p1', hash, bytes)
    expect(db.files.get(hash, { size: 400, mtimeMs: 0 })).toBeDefined()
    expect(db.page('p1')).toBeUndefined()
    cache.put('markdown', 'm1', 'one')
    await cache.settle() // whenever the build asks (it does while the search index is made)
    expect(db.page('p1')).toEqual({ key: 'p1', hash, stat: { size: 400, mtimeMs: 0 } })
    expect(db.get('markdown', 'm1')).toBe('one')
  })

  it('records the new time of a page’s file once a page was linked to it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bds-cache-'))
    const db = openCacheFile(dir)
    const first = createBuildCache(db)
    const [hash, bytes] = page('<p>linked</p>')
    first.putPage('p1', hash, bytes)
    first.finish(true)
    const file = join(dir, 'pages', hash.slice(0, 2), hash.slice(2))
    const second = createBuildCache(db)
    expect(second.page('p1')).toBeDefined()
    utimesSync(file, new Date(2030, 0, 1), new Date(2030, 0, 1)) // what the output writer's link does
    second.relinked(hash)
    second.finish(true)
    expect(db.page('p1')?.stat.mtimeMs).toBe(statSync(file).mtimeMs)
    db.close()
  })

  it('looks nothing up in a file that holds no row (a first build)', () => {
    const db = memory()
    const asked = () => {
      throw new Error('looked up')
    }
    const cache = createBuildCache({ ...db, get: asked, macro: asked, page: asked })
    expect(cache.get('markdown', 'x')).toBeUndefined()
    expect(cache.macro('k')).toBeUndefined()
    expect(cache.page('p')).toBeUndefined()
    expect(cache.diagnostics()).toEqual([])
  })

  it('does the work put off when the build settles, in order; a build that does not settle drops it', async () => {
    const db = memory()
    const cache = createBuildCache(db)
    const done: string[] = []
    cache.later(() => void done.push('one'))
    cache.later(async () => {
      await Promise.resolve()
      cache.put('markdown', 'm', 'two')
      done.push('two')
    })
    expect(done).toEqual([])
    await cache.settle()
    expect(done).toEqual(['one', 'two'])
    expect(db.get('markdown', 'm')).toBe('two')
    const unsettled = createBuildCache(db)
    unsettled.later(() => void done.push('three'))
    unsettled.finish(true)
    await unsettled.settle()
    expect(done).toEqual(['one', 'two'])
  })

  it('writes the rows of work put off as they come, a few thousand at a time', async () => {
    const db = memory()
    let transactions = 0
    const cache = createBuildCache({
      ...db,
      batch: (fn) => {
        transactions++
        db.batch(fn)
      },
    })
    for (let i = 0; i < 4500; i++) cache.later(() => cache.put('markdown', `m${i}`, `v${i}`))
    await cache.settle()
    expect(transactions).toBe(3)
    expect(db.get('markdown', 'm4499')).toBe('v4499')
  })

  it('turns itself off with a warning when work put off fails; the work after it is dropped', async () => {
    const cache = createBuildCache(memory())
    const done: string[] = []
    cache.later(() => {
      throw new Error('a key could not be made')
    })
    cache.later(() => void done.push('after'))
    await cache.settle()
    expect(done).toEqual([])
    expect(cache.tainted).toBe(true)
    expect(cache.diagnostics()[0]).toMatchObject({ code: 'BDS_CACHE_RESET', severity: 'warning' })
    expect(cache.diagnostics()[0]?.message).toContain('a key could not be made')
  })

  it('without a file (--no-cache) only counts, and puts off no work', async () => {
    const none = createBuildCache()
    none.put('markdown', 'k', 'v')
    none.count('macros', false, 3)
    expect(none.get('markdown', 'k')).toBeUndefined()
    expect(none.report()).toMatchObject({ enabled: false, macros: { cached: 0, computed: 3 } })
    let ran = false
    none.later(() => {
      ran = true
    })
    await none.settle()
    expect(ran).toBe(false)
  })

  it('turns itself off with a warning when the file fails, and sets it aside', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bds-cache-'))
    const real = openCacheFile(dir)
    real.put('markdown', 'seed', 'a row, so the build looks things up')
    const failing: CacheDb = {
      ...real,
      get: () => {
        throw new Error('database disk image is malformed')
      },
    }
    const cache = createBuildCache(failing)
    expect(cache.get('markdown', 'x')).toBeUndefined()
    expect(cache.get('markdown', 'y')).toBeUndefined()
    cache.put('markdown', 'z', 'v')
    cache.finish(true)
    expect(cache.tainted).toBe(true)
    const [warning] = cache.diagnostics()
    expect(cache.diagnostics()).toHaveLength(1)
    expect(warning).toMatchObject({ code: 'BDS_CACHE_RESET', severity: 'warning' })
    expect(warning?.message).toContain('database disk image is malformed')
    cache.close()
    expect(existsSync(join(dir, 'cache.db'))).toBe(false)
    expect(readdirSync(dir).some((f) => f.startsWith('cache.db.aside-'))).toBe(true)
  })
})

describe('the cache file on disk', () => {
  it('is written without waiting for the disk (a cache), unlike the output record', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bds-cache-'))
    const db = openCacheFile(dir)
    db.close()
    const check = new Database(join(dir, 'cache.db'))
    expect(check.pragma('journal_mode', { simple: true })).toBe('wal')
    check.close()
    const opened = openSqlite(
      join(dir, 'other.db'),
      ['CREATE TABLE t (x)'],
      'SELECT 1 FROM t',
      false,
    )
    expect(opened.db.pragma('synchronous', { simple: true })).toBe(0) // OFF
    opened.db.close()
    const durable = openSqlite(join(dir, 'record.db'), ['CREATE TABLE t (x)'], 'SELECT 1 FROM t')
    expect(durable.db.pragma('synchronous', { simple: true })).toBe(1) // NORMAL
    durable.db.close()
  })
})

describe('the pages of a replayed build', () => {
  it('are all found, or none when one is missing', () => {
    const db = memory()
    const first = createBuildCache(db)
    first.putPage('p1', ...page('<p>1</p>'))
    first.putPage('p2', ...page('<p>2</p>'))
    first.finish(true)
    const cache = createBuildCache(db)
    expect(cache.pages(['p1', 'p2', 'p3'])).toBeUndefined()
    const rows = [...(cache.pages(['p2', 'p1', 'p2']) ?? [])]
    expect(rows.map(([key, cached]) => [key, cached.hash, text(cached)]).sort()).toEqual([
      ['p1', hashText('<p>1</p>'), '<p>1</p>'],
      ['p2', hashText('<p>2</p>'), '<p>2</p>'],
    ])
    expect(createBuildCache().pages([])).toBeUndefined() // --no-cache
  })

  it('are none, with a warning, when the file fails while they are read', () => {
    const db = memory()
    const first = createBuildCache(db)
    for (const k of ['a', 'b', 'c']) first.putPage(k, ...page(k))
    first.finish(true)
    const failing: CacheDb = {
      ...db,
      *eachPage(keys) {
        let n = 0
        for (const row of db.eachPage(keys)) {
          if (n++ === 1) throw new Error('disk I/O error')
          yield row
        }
      },
    }
    const cache = createBuildCache(failing)
    expect(cache.pages(['a', 'b', 'c'])).toBeUndefined()
    expect(cache.tainted).toBe(true)
    expect(cache.diagnostics()[0]?.message).toContain('disk I/O error')
    expect(cache.page('a')).toBeUndefined() // off for the rest of the build
  })

  it('are none when a page’s file no longer holds its bytes', () => {
    const db = memory()
    const first = createBuildCache(db)
    for (const k of ['a', 'b']) first.putPage(k, ...page(k))
    first.finish(true)
    db.files.prune((hash) => hash !== hashText('b')) // its file gone, its row still there
    expect(createBuildCache(db).pages(['a', 'b'])).toBeUndefined()
    expect(text(createBuildCache(db).page('a'))).toBe('a')
  })
})

describe('stored macro outputs', () => {
  const pos = { file: 'posts/a.md', line: 7, column: 3 }
  it('keep HTML, printed output and diagnostics, and take the position they are used at', () => {
    const warning = new BdsError('BDS_MACRO_WARNING', 'w', {
      pos,
      severity: 'warning',
      detail: 'd',
    })
    const text = storeOutput({ html: '<b>', diagnostics: [warning], captured: 'out' }, pos)
    expect(text).not.toContain('posts/a.md')
    const elsewhere = { file: 'posts/b.md', line: 2, column: 1 }
    const back = restoreOutput(text as string, elsewhere)
    expect(back).toMatchObject({ html: '<b>', captured: 'out' })
    expect(back.diagnostics[0]).toMatchObject({
      code: 'BDS_MACRO_WARNING',
      pos: elsewhere,
      detail: 'd',
    })
  })

  it('are not stored when a diagnostic points elsewhere than the token', () => {
    const other = new BdsError('BDS_MACRO_FAILED', 'x', { pos: { ...pos, line: 1 } })
    expect(storeOutput({ html: '', diagnostics: [other] }, pos)).toBeUndefined()
  })
})

describe('the config key', () => {
  it('ignores where the site lies and how it is built, not what shapes its pages', () => {
    const loaded = (config: Record<string, unknown>) => ({ config, positions: new Map() })
    const a = resolveConfig(loaded({ title: 'T' }), { root: '/one' }, '/')
    const b = resolveConfig(
      loaded({ title: 'T' }),
      { root: '/two/x', strict: true, cache: false, threads: 3, preview: true },
      '/',
    )
    expect(configKey(a)).toBe(configKey(b))
    expect(configKey(resolveConfig(loaded({ title: 'U' }), { root: '/one' }, '/'))).not.toBe(
      configKey(a),
    )
    const based = loaded({ title: 'T', url: 'https://x.example/blog' })
    expect(configKey(resolveConfig(based, { root: '/one' }, '/'))).not.toBe(configKey(a))
  })

  it('leaves --drafts and --future to the keys that hash the posts; a whole build keys them', () => {
    const loaded = { config: { title: 'T' }, positions: new Map() }
    const a = resolveConfig(loaded, { root: '/one' }, '/')
    const drafts = resolveConfig(loaded, { root: '/one', drafts: true, future: true }, '/')
    expect(configKey(drafts)).toBe(configKey(a))
    expect(runFlags(drafts)).not.toBe(runFlags(a))
  })
})
