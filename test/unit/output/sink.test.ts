import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  createDiskWriter,
  createFileSink,
  finishOutputs,
  type Manifest,
} from '../../../src/output/index.js'

const out = () => mkdtempSync(join(tmpdir(), 'bds-sink-'))
const page = (path: string, contents: string) => ({ path, contents, source: `posts/${path}` })

function run(
  dir: string,
  previous: Manifest,
  files: ReturnType<typeof page>[],
  keep: string[] = [],
) {
  const writer = createDiskWriter(dir)
  const sink = createFileSink(writer, previous)
  for (const f of files) sink.write(f)
  const result = finishOutputs(writer, previous, [sink.result()], keep)
  writer.clearTemp()
  return result
}

describe('createFileSink', () => {
  it('writes new files, then skips unchanged ones', () => {
    const dir = out()
    const first = run(dir, new Map(), [page('a/index.html', 'A'), page('b/index.html', 'B')])
    expect(first.stats).toMatchObject({ written: 2, unchanged: 0, removed: 0, total: 2 })
    const before = statSync(join(dir, 'a/index.html')).mtimeMs
    const second = run(dir, first.manifest, [page('a/index.html', 'A'), page('b/index.html', 'B2')])
    expect(second.stats).toMatchObject({ written: 1, unchanged: 1 })
    expect(statSync(join(dir, 'a/index.html')).mtimeMs).toBe(before)
    expect(readFileSync(join(dir, 'b/index.html'), 'utf8')).toBe('B2')
  })

  it('recognises identical files without a manifest by comparing bytes', () => {
    const dir = out()
    mkdirSync(join(dir, 'a'))
    writeFileSync(join(dir, 'a/index.html'), 'same')
    expect(run(dir, new Map(), [page('a/index.html', 'same')]).stats).toMatchObject({
      written: 0,
      unchanged: 1,
    })
  })

  it('rewrites a file that was changed or deleted behind its back', () => {
    const dir = out()
    const first = run(dir, new Map(), [page('a.html', 'A')])
    writeFileSync(join(dir, 'a.html'), 'tampered')
    expect(run(dir, first.manifest, [page('a.html', 'A')]).stats.written).toBe(1)
    expect(readFileSync(join(dir, 'a.html'), 'utf8')).toBe('A')
  })

  it('removes stale outputs and empty folders, never files it did not write', () => {
    const dir = out()
    const first = run(dir, new Map(), [page('old/post/index.html', 'old'), page('keep.html', 'k')])
    writeFileSync(join(dir, 'old/user-notes.txt'), 'mine')
    writeFileSync(join(dir, 'CNAME'), 'example.com')
    const second = run(dir, first.manifest, [page('keep.html', 'k')])
    expect(second.stats.removed).toBe(1)
    expect(readdirSync(dir).sort()).toEqual(['CNAME', 'keep.html', 'old'])
    expect(readdirSync(join(dir, 'old'))).toEqual(['user-notes.txt'])
  })

  it('leaves a stale output in place when it was edited since bds wrote it', () => {
    const dir = out()
    const first = run(dir, new Map(), [page('gone.html', 'x')])
    writeFileSync(join(dir, 'gone.html'), 'edited by hand')
    utimesSync(join(dir, 'gone.html'), new Date(), new Date(Date.now() + 5000))
    const second = run(dir, first.manifest, [])
    expect(second.stats.removed).toBe(0)
    expect(second.diagnostics[0]).toMatchObject({ code: 'BDS_OUTPUT_KEPT', severity: 'warning' })
    expect(readFileSync(join(dir, 'gone.html'), 'utf8')).toBe('edited by hand')
  })

  it('keeps the previous output of pages that failed to render', () => {
    const dir = out()
    const first = run(dir, new Map(), [page('p/index.html', 'good')])
    const second = run(dir, first.manifest, [], ['p/index.html'])
    expect(second.stats).toMatchObject({ removed: 0, failed: 1 })
    expect(second.manifest.has('p/index.html')).toBe(true)
    expect(readFileSync(join(dir, 'p/index.html'), 'utf8')).toBe('good')
  })

  it('reports a write that fails and leaves no temporary file', () => {
    const dir = out()
    writeFileSync(join(dir, 'blocker'), 'a file where a folder should be')
    const result = run(dir, new Map(), [page('blocker/index.html', 'x'), page('ok.html', 'y')])
    expect(result.stats).toMatchObject({ written: 1, failed: 1 })
    expect(result.diagnostics[0]).toMatchObject({ code: 'BDS_OUTPUT_WRITE', severity: 'error' })
    expect(readdirSync(dir).filter((f) => f.includes('bds-tmp'))).toEqual([])
  })
})

describe('a file linked into the output folder (a page from the build cache)', () => {
  it('shares the stored file, takes this build’s time, and is replaced, not written through', () => {
    const dir = out()
    const stored = join(out(), 'page')
    writeFileSync(stored, '<p>cached</p>')
    utimesSync(stored, new Date(2001, 0, 1), new Date(2001, 0, 1))
    const before = Date.now() - 1000
    const writer = createDiskWriter(dir)
    const sink = createFileSink(writer, new Map())
    const hash = 'a'.repeat(40)
    const fromStat = { size: 13, mtimeMs: statSync(stored).mtimeMs }
    sink.write({
      path: 'p/index.html',
      source: 'posts/p.md',
      from: stored,
      fromStat,
      hash,
      link: true,
    })
    const target = join(dir, 'p/index.html')
    expect(statSync(target).ino).toBe(statSync(stored).ino)
    expect(statSync(target).mtimeMs).toBeGreaterThan(before)
    expect(sink.result().manifest.get('p/index.html')).toMatchObject({ hash, size: 13 })
    // The next build writes a new file into place: the stored one keeps its bytes.
    run(dir, sink.result().manifest, [page('p/index.html', '<p>new</p>')])
    expect(readFileSync(stored, 'utf8')).toBe('<p>cached</p>')
    expect(readFileSync(target, 'utf8')).toBe('<p>new</p>')
  })

  const other = '/dev/shm'
  const shm = statSync(other, { throwIfNoEntry: false })
  const twoDisks = shm !== undefined && shm.dev !== statSync(tmpdir()).dev
  it.skipIf(!twoDisks)('is copied where no link can be made (another disk)', () => {
    const dir = mkdtempSync(join(other, 'bds-sink-'))
    const stored = join(out(), 'page')
    writeFileSync(stored, '<p>cached</p>')
    const writer = createDiskWriter(dir)
    writer.write('p/index.html', { link: stored })
    expect(readFileSync(join(dir, 'p/index.html'), 'utf8')).toBe('<p>cached</p>')
    expect(statSync(join(dir, 'p/index.html')).ino).not.toBe(statSync(stored).ino)
  })
})
