// The cache folder is bds's own (#19, point 8), through the real CLI: a file at .bds, a folder
// at .bds/build.db, .bds/scripts.db or .bds/cache.db, a database that is a link or another
// program's, a WAL file that is a link, a build cache that is corrupt or of a shape bds does
// not know (#16) — each is set aside unchanged with a warning and a fresh cache is made (never
// exit 70); forged manifest rows never make bds delete a file outside the output folder.
// The CLI runs in this process: what is tested is the build's handling of its cache.

import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { bdsInProcess } from '../helpers/cli.js'
import { inlineSite, listFiles, tempDir } from '../helpers/site.js'

const SITE = `-- bds.config.json --
{"title": "Cache", "url": "https://example.com"}
-- posts/a.md --
---
title: A
date: 2024-01-01
---
A body.
`

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')
const asideOf = (dir: string, name: string) =>
  readdirSync(dir).filter((f) => f.startsWith(`${name}.aside-`) && !/-(wal|shm|journal)$/.test(f))

/** Another program's SQLite database, outside the site. */
function foreignDb(applicationId = 0): string {
  const path = join(tempDir('bds-other-'), 'app.db')
  const db = new Database(path)
  db.exec("CREATE TABLE accounts (name TEXT, token TEXT); INSERT INTO accounts VALUES ('me', 'x')")
  if (applicationId) db.pragma(`application_id = ${applicationId}`)
  db.close()
  return path
}

async function build(root: string, args: string[] = []) {
  const r = await bdsInProcess(['build', root, ...args], root)
  expect(r.status, r.stderr).toBe(0)
  expect(existsSync(join(root, 'dist/2024/01/01/a/index.html'))).toBe(true)
  return r
}

describe('cache entries of the wrong kind', () => {
  it('a file at .bds is set aside unchanged', async () => {
    const root = inlineSite(`${SITE}-- .bds --\nmy notes\n`)
    const r = await build(root)
    expect(r.stderr).toContain('BDS_CACHE_RESET')
    expect(r.stderr).toContain('.bds is a file, not a folder; it was set aside as .bds.aside-')
    const [aside] = asideOf(root, '.bds')
    expect(readFileSync(join(root, aside as string), 'utf8')).toBe('my notes\n')
    expect(statSync(join(root, '.bds')).isDirectory()).toBe(true)
  })

  for (const name of ['build.db', 'scripts.db', 'cache.db']) {
    it(`a folder at .bds/${name} is set aside with what it holds`, async () => {
      const root = inlineSite(`${SITE}-- .bds/${name}/keep.txt --\nkept\n`)
      const r = await build(root)
      expect(r.stderr).toContain(`${name} is a folder; it was set aside as ${name}.aside-`)
      const [aside] = asideOf(join(root, '.bds'), name)
      expect(readFileSync(join(root, '.bds', aside as string, 'keep.txt'), 'utf8')).toBe('kept\n')
      // (A build that finds nothing changed repeats the last build's warnings; --clean does not.)
      expect((await build(root, ['--clean'])).stderr).not.toContain('BDS_CACHE_RESET')
    })
  }
})

describe('databases that are not bds’s', () => {
  it('a link to another program’s database: the link is set aside, the database untouched', async () => {
    const root = inlineSite(SITE)
    const other = foreignDb()
    const before = sha(other)
    mkdirSync(join(root, '.bds'))
    symlinkSync(other, join(root, '.bds/build.db'))
    const r = await build(root)
    expect(r.stderr).toContain('build.db is a symbolic link; it was set aside')
    expect(sha(other)).toBe(before)
    expect(existsSync(`${other}-wal`)).toBe(false)
  })

  it('another program’s database (its application_id, or its tables) is set aside byte for byte', async () => {
    for (const [id, why] of [
      [0x12345678, 'application_id 0x12345678'],
      [0, 'a SQLite database of another program'],
    ] as const) {
      const root = inlineSite(SITE)
      mkdirSync(join(root, '.bds'))
      const db = join(root, '.bds/scripts.db')
      writeFileSync(db, readFileSync(foreignDb(id)))
      const before = sha(db)
      const r = await build(root)
      expect(r.stderr).toContain(why)
      const [aside] = asideOf(join(root, '.bds'), 'scripts.db')
      expect(sha(join(root, '.bds', aside as string))).toBe(before)
    }
  })

  it('a WAL file that is a link is never written through', async () => {
    const root = inlineSite(SITE)
    await build(root)
    const victim = join(tempDir(), 'victim.txt')
    writeFileSync(victim, 'precious')
    symlinkSync(victim, join(root, '.bds/build.db-wal'))
    const r = await build(root, ['--clean'])
    expect(r.stderr).toContain('build.db-wal is a symbolic link')
    expect(readFileSync(victim, 'utf8')).toBe('precious')
  })

  it('a cache bds made before it marked its databases is kept (no warning, still up to date)', async () => {
    const root = inlineSite(SITE)
    await build(root)
    for (const name of ['build.db', 'scripts.db', 'cache.db']) {
      const db = new Database(join(root, '.bds', name))
      db.pragma('application_id = 0')
      db.close()
    }
    const r = await build(root)
    expect(r.stderr).not.toContain('BDS_CACHE_RESET')
    expect(r.stdout).toContain('Nothing changed')
  })
})

describe('a build cache (cache.db) that cannot be used', () => {
  it('garbage in cache.db is set aside; the build succeeds and makes a new cache', async () => {
    const root = inlineSite(`${SITE}-- .bds/cache.db --\n${'not a database '.repeat(20)}\n`)
    const r = await build(root)
    expect(r.stderr).toContain('BDS_CACHE_RESET')
    expect(r.stderr).toContain('it is not a SQLite database; it was set aside as cache.db.aside-')
    expect(asideOf(join(root, '.bds'), 'cache.db')).toHaveLength(1)
    expect((await build(root, ['--clean'])).stderr).not.toContain('BDS_CACHE_RESET')
  })

  it('a cache.db of bds whose tables bds does not know is set aside, not a failed build', async () => {
    const root = inlineSite(SITE)
    await build(root)
    const db = new Database(join(root, '.bds/cache.db'))
    db.exec('DROP TABLE pages; CREATE TABLE pages (key TEXT PRIMARY KEY)')
    db.close()
    const r = await build(root, ['--clean'])
    expect(r.stderr).toContain('The build cache')
    expect(r.stderr).toContain('could not be used')
    expect(asideOf(join(root, '.bds'), 'cache.db')).toHaveLength(1)
    expect((await build(root, ['--clean'])).stdout).toMatch(
      /cache: pages [1-9]\d* from cache, 0 rendered/,
    )
  })
})

describe('a forged build cache', () => {
  it('never makes bds remove a file outside the output folder', async () => {
    const root = inlineSite(SITE)
    await build(root)
    const victim = join(root, 'victim.txt')
    writeFileSync(victim, 'precious')
    const s = statSync(victim)
    const db = new Database(join(root, '.bds/build.db'))
    const put = db.prepare('INSERT INTO outputs VALUES (?, ?, ?, ?, ?, ?)')
    for (const path of ['../victim.txt', victim, 'a/../../victim.txt'])
      put.run(join(root, 'dist'), path, 'x', s.size, s.mtimeMs, 'posts/a.md')
    db.close()
    const r = await build(root, ['--clean'])
    expect(r.stderr).toContain('held 3 output path(s) bds never writes')
    expect(readFileSync(victim, 'utf8')).toBe('precious')
    const check = new Database(join(root, '.bds/build.db'), { readonly: true })
    const left = check.prepare("SELECT count(*) AS n FROM outputs WHERE path LIKE '%victim%'")
    expect(left.get()).toEqual({ n: 0 })
    check.close()
    expect((await build(root, ['--clean'])).stderr).not.toContain('BDS_CACHE_RESET')
  })

  it('never publishes a file outside the site that a page’s stored file links to', async () => {
    const root = inlineSite(SITE)
    await build(root)
    const db = new Database(join(root, '.bds/cache.db'))
    const hashes = db.prepare('SELECT hash FROM blobs').pluck().all() as string[]
    expect(hashes.length).toBeGreaterThan(3)
    for (const hash of hashes) {
      const secret = join(tempDir('bds-secret-'), 'secret.txt')
      const stored = join(root, '.bds/pages', hash.slice(0, 2), hash.slice(2))
      writeFileSync(secret, 'S'.repeat(statSync(stored).size)) // as big as the page it replaces
      rmSync(stored)
      symlinkSync(secret, stored)
      const s = statSync(secret)
      db.prepare('UPDATE blobs SET size = ?, mtime = ? WHERE hash = ?').run(s.size, s.mtimeMs, hash)
    }
    db.close()
    rmSync(join(root, 'dist'), { recursive: true })
    await build(root)
    const out = listFiles(join(root, 'dist'))
    expect(out).toContain('2024/01/01/a/index.html')
    for (const file of out)
      expect(readFileSync(join(root, 'dist', file), 'utf8')).not.toContain('SSSS')
  })

  it('a forged search index row writes nothing outside the index folder, nor fails the build', async () => {
    const root = inlineSite(SITE)
    await build(root)
    for (const forged of [
      'not json',
      '{"a": 1}',
      '[["../../escape.html", "x"]]',
      '[["index.html", "x"]]',
    ]) {
      const db = new Database(join(root, '.bds/cache.db'))
      db.prepare('UPDATE search SET value = ?').run(forged)
      db.close()
      // A template edit: built again (not replayed), with the same search key as the row's.
      mkdirSync(join(root, 'templates/partials'), { recursive: true })
      writeFileSync(join(root, 'templates/partials/footer.liquid'), `<footer>${forged}</footer>`)
      const r = await build(root)
      expect(r.stderr).not.toContain('BDS_INTERNAL')
      expect(existsSync(join(root, 'escape.html'))).toBe(false)
      expect(readFileSync(join(root, 'dist/index.html'), 'utf8')).toContain('<html')
    }
  })

  it('writes no page through a link at .bds/pages', async () => {
    const root = inlineSite(SITE)
    const victim = tempDir('bds-victim-')
    mkdirSync(join(root, '.bds'))
    symlinkSync(victim, join(root, '.bds/pages'))
    await build(root)
    await build(root, ['--clean'])
    expect(readdirSync(victim)).toEqual([])
  })

  it('a state whose diagnostics do not parse is ignored: a full build, not an internal error', async () => {
    const root = inlineSite(SITE)
    await build(root)
    const db = new Database(join(root, '.bds/build.db'))
    db.prepare('UPDATE builds SET diagnostics = ?').run('{"diagnostics": 5')
    db.close()
    const r = await build(root)
    expect(r.stdout).toMatch(/^Built \d+ files into .*: \d+ written/)
    expect(r.stdout).not.toContain('Nothing changed since the last build')
  })
})
