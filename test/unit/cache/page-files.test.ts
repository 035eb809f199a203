// The pages' files of the build cache on a real disk (#16): a page written to the output
// folder is linked in, not copied; a file touched since is checked by its hash, one edited or
// cut short is never served; another disk gets a copy; nothing is written through a link; a
// prune removes what no row holds and a dead process's temporaries.

import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { diskPageFiles } from '../../../src/cache/page-files.js'
import { hashText } from '../../../src/util/hash.js'

const tempDir = (where = tmpdir()) => mkdtempSync(join(where, 'bds-pages-'))

/** An output file as the build writes it, and what the store is told of it. */
function written(dir: string, text: string) {
  const file = join(dir, `${hashText(text).slice(0, 8)}.html`)
  writeFileSync(file, text)
  const s = statSync(file)
  return { hash: hashText(text), file, stat: { size: s.size, mtimeMs: s.mtimeMs } }
}

const bytesOf = (stored: ReturnType<ReturnType<typeof diskPageFiles>['get']>) =>
  stored && ('bytes' in stored ? Buffer.from(stored.bytes) : readFileSync(stored.from)).toString()

describe('the pages’ files on disk', () => {
  it('link a written page in (one file, no copy) and give it back as it was', () => {
    const cache = tempDir()
    const out = tempDir()
    const files = diskPageFiles(cache)
    const page = written(out, '<p>one</p>')
    const stat = files.keep(page.hash, page)
    expect(stat).toEqual(page.stat)
    const stored = join(cache, 'pages', page.hash.slice(0, 2), page.hash.slice(2))
    expect(statSync(stored).ino).toBe(statSync(page.file).ino)
    expect(bytesOf(files.get(page.hash, page.stat))).toBe('<p>one</p>')
    // The output file replaced later (as every write renames a new file in): the cache keeps its own.
    writeFileSync(`${page.file}.new`, 'next')
    linkSync(`${page.file}.new`, `${page.file}.x`)
    expect(bytesOf(files.get(page.hash, page.stat))).toBe('<p>one</p>')
  })

  it('check the hash of a file touched since it was stored, and refuse one edited in place', () => {
    const cache = tempDir()
    const out = tempDir()
    const files = diskPageFiles(cache)
    const page = written(out, '<p>two</p>')
    const stat = files.keep(page.hash, page) as { size: number; mtimeMs: number }
    utimesSync(page.file, new Date(2001, 1, 1), new Date(2001, 1, 1)) // a restore that lost mtimes
    const touched = files.get(page.hash, stat)
    expect(bytesOf(touched)).toBe('<p>two</p>')
    expect(touched && 'stat' in touched && touched.stat.mtimeMs).not.toBe(stat.mtimeMs)
    writeFileSync(page.file, '<p>TWO</p>') // same size, edited in place while linked
    expect(files.get(page.hash, stat)).toBeUndefined()
    writeFileSync(page.file, '<p>2</p>') // cut short
    expect(files.get(page.hash, stat)).toBeUndefined()
    expect(files.get('not-a-hash', stat)).toBeUndefined()
  })

  it('keep bytes given in memory, and replace a stored file of the same hash whole', () => {
    const cache = tempDir()
    const files = diskPageFiles(cache)
    const hash = hashText('<p>three</p>')
    const first = files.keep(hash, { bytes: '<p>three</p>' })
    expect(first?.size).toBe(12)
    const again = files.keep(hash, { bytes: Buffer.from('<p>three</p>') })
    expect(bytesOf(files.get(hash, again as { size: number; mtimeMs: number }))).toBe(
      '<p>three</p>',
    )
    expect(readdirSync(join(cache, 'pages', hash.slice(0, 2)))).toEqual([hash.slice(2)])
  })

  it('do not keep an output file that changed between its write and the link', () => {
    const files = diskPageFiles(tempDir())
    const page = written(tempDir(), '<p>four</p>')
    writeFileSync(page.file, '<p>changed</p>')
    expect(files.keep(page.hash, page)).toBeUndefined()
    expect(files.get(page.hash, page.stat)).toBeUndefined()
  })

  const other = '/dev/shm'
  const twoDisks =
    existsSync(other) &&
    statSync(other).isDirectory() &&
    statSync(other).dev !== statSync(tmpdir()).dev
  it.skipIf(!twoDisks)('copy a page written on another disk, where no link can be made', () => {
    const cache = tempDir()
    const out = tempDir(other)
    const files = diskPageFiles(cache)
    const page = written(out, '<p>five</p>')
    const stat = files.keep(page.hash, page)
    expect(stat?.size).toBe(page.stat.size)
    const stored = join(cache, 'pages', page.hash.slice(0, 2), page.hash.slice(2))
    expect(statSync(stored).dev).not.toBe(statSync(page.file).dev)
    expect(bytesOf(files.get(page.hash, stat as { size: number; mtimeMs: number }))).toBe(
      '<p>five</p>',
    )
  })

  it('write nothing through a link at .bds/pages or at one of its folders', () => {
    const victim = tempDir()
    const cache = tempDir()
    symlinkSync(victim, join(cache, 'pages'))
    const viaLink = diskPageFiles(cache)
    const hash = hashText('x')
    viaLink.keep(hash, { bytes: 'x' })
    expect(readdirSync(victim)).toEqual([])
    expect(bytesOf(viaLink.get(hash, { size: 1, mtimeMs: 0 }))).toBe('x') // kept in memory

    const cache2 = tempDir()
    mkdirSync(join(cache2, 'pages'))
    symlinkSync(victim, join(cache2, 'pages', hash.slice(0, 2)))
    const files = diskPageFiles(cache2)
    expect(files.keep(hash, { bytes: 'x' })).toBeUndefined()
    expect(readdirSync(victim)).toEqual([])
  })

  it('prune what no row holds and a dead process’s temporaries, nothing through a link', () => {
    const cache = tempDir()
    const files = diskPageFiles(cache)
    const [a, b] = ['a', 'b'].map((t) => hashText(t)) as [string, string]
    files.keep(a, { bytes: 'a' })
    files.keep(b, { bytes: 'b' })
    const fan = join(cache, 'pages', a.slice(0, 2))
    writeFileSync(join(fan, `${a.slice(2)}.99999999-1.tmp`), 'left by a dead process')
    const victim = tempDir()
    writeFileSync(join(victim, 'keep.txt'), 'mine')
    symlinkSync(victim, join(cache, 'pages', 'ff'))
    files.prune((hash) => hash === a)
    expect(readdirSync(fan)).toEqual([a.slice(2)])
    expect(existsSync(join(cache, 'pages', b.slice(0, 2), b.slice(2)))).toBe(false)
    expect(readFileSync(join(victim, 'keep.txt'), 'utf8')).toBe('mine')
  })
})
