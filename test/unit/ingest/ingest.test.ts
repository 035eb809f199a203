// ingest() end to end with a fake runtime and real files in a temp folder (issue #7): the
// runtime made only when needed and always stopped, the file's front matter and folder,
// slug collisions, --dry-run, and no partial file after a failed write.

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import matter from 'gray-matter'
import yaml from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { isBdsError } from '../../../src/errors/index.js'
import {
  type IngestOptions,
  ingest,
  nodePostFiles,
  type PostFiles,
  sanitizeBookmark,
} from '../../../src/ingest/index.js'
import { fakePythonHost, returns, source } from '../../helpers/fake-python.js'
import { tempDir } from '../../helpers/site.js'

const NOW = new Date('2024-12-31T23:30:00Z')
const bookmark = sanitizeBookmark({
  url: 'https://www.example.com/a#x',
  title: 'A good read',
  tags: ['web'],
})

function options(root: string, more: Partial<IngestOptions> = {}): IngestOptions {
  return {
    root,
    timezone: 'Europe/Berlin',
    timeoutMs: 500,
    now: NOW,
    publish: false,
    dryRun: false,
    scripts: [],
    createHost: () => {
      throw new Error('no runtime wanted here')
    },
    ...more,
  }
}

const frontMatter = (text: string) =>
  matter(text, { engines: { yaml: (s) => yaml.load(s, { schema: yaml.CORE_SCHEMA }) as object } })

/** Every file below `dir`, dotfiles included (temporary files would show here). */
const everything = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort() : []

describe('ingest', () => {
  it('writes posts/YYYY/MM/slug.md in the site timezone with bDS front matter; never makes a runtime for no transforms', async () => {
    const root = tempDir()
    const r = await ingest(bookmark, options(root))
    expect(r.file).toBe('posts/2025/01/a-good-read.md')
    expect(r.written).toBe(true)
    const text = readFileSync(join(root, r.file), 'utf8')
    expect(text).toBe(r.text)
    const { data, content } = frontMatter(text)
    expect(Object.keys(data)).toEqual([
      'id',
      'title',
      'slug',
      'status',
      'createdAt',
      'updatedAt',
      'tags',
      'categories',
      'source_url',
    ])
    expect(data).toMatchObject({
      title: 'A good read',
      slug: 'a-good-read',
      status: 'draft',
      createdAt: '2024-12-31T23:30:00Z',
      updatedAt: '2024-12-31T23:30:00Z',
      tags: ['web'],
      categories: [],
      source_url: 'https://www.example.com/a',
    })
    expect(data.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(content).toBe('\n[A good read](https://www.example.com/a)\n')
  })

  it('runs the transforms with a runtime it starts once and stops, and writes their post', async () => {
    const host = fakePythonHost({
      retitle: (post) =>
        returns({
          ...post,
          title: 'Better',
          slug: 'custom',
          date: '2023-06-01 10:00',
          extra: { excerpt: 'E' },
        }),
    })
    const root = tempDir()
    const r = await ingest(
      bookmark,
      options(root, { scripts: [source('retitle')], createHost: () => host, publish: true }),
    )
    expect(host.events).toEqual(['start', 'stop'])
    expect(r.file).toBe('posts/2023/06/custom.md')
    expect(r.status).toBe('published')
    const { data } = frontMatter(readFileSync(join(root, r.file), 'utf8'))
    expect(data).toMatchObject({
      title: 'Better',
      slug: 'custom',
      status: 'published',
      createdAt: '2023-06-01T08:00:00Z',
      excerpt: 'E',
    })
  })

  it('stops the runtime when it fails to start and writes nothing', async () => {
    const host = fakePythonHost({}, { failStart: new Error('no pyodide') })
    const root = tempDir()
    const error = await ingest(
      bookmark,
      options(root, { scripts: [source('a')], createHost: () => host }),
    ).catch((e) => e)
    expect(isBdsError(error) && error.code).toBe('BDS_INGEST_RUNTIME')
    expect(error.message).toContain('(no pyodide); nothing was written')
    expect(host.events).toEqual(['start', 'stop'])
    expect(everything(root)).toEqual([])
  })

  it('gives a taken slug the next free number and never overwrites', async () => {
    const root = tempDir()
    mkdirSync(join(root, 'posts/2025/01'), { recursive: true })
    writeFileSync(join(root, 'posts/2025/01/a-good-read.md'), 'mine')
    writeFileSync(join(root, 'posts/2025/01/a-good-read-2.md'), 'mine too')
    const r = await ingest(bookmark, options(root))
    expect(r.file).toBe('posts/2025/01/a-good-read-3.md')
    expect(frontMatter(r.text).data.slug).toBe('a-good-read-3')
    expect(readFileSync(join(root, 'posts/2025/01/a-good-read.md'), 'utf8')).toBe('mine')
    expect(readFileSync(join(root, 'posts/2025/01/a-good-read-2.md'), 'utf8')).toBe('mine too')
  })

  it('moves on when the name is taken between the check and the write (a race)', async () => {
    const root = tempDir()
    const racing: PostFiles = {
      ...nodePostFiles,
      async claim(from, to) {
        if (to.endsWith('a-good-read.md')) await writeFile(to, 'the other process')
        return nodePostFiles.claim(from, to)
      },
    }
    const r = await ingest(bookmark, options(root, { files: racing }))
    expect(r.file).toBe('posts/2025/01/a-good-read-2.md')
    expect(readFileSync(join(root, 'posts/2025/01/a-good-read.md'), 'utf8')).toBe(
      'the other process',
    )
    expect(everything(join(root, 'posts/2025/01'))).toEqual(['a-good-read-2.md', 'a-good-read.md'])
  })

  it('leaves no file, partial or temporary, when the write fails half way', async () => {
    const root = tempDir()
    const failing: PostFiles = {
      ...nodePostFiles,
      async write(path, text) {
        await writeFile(path, text.slice(0, 10))
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
      },
    }
    const error = await ingest(bookmark, options(root, { files: failing })).catch((e) => e)
    expect(error.code).toBe('BDS_INGEST_WRITE')
    expect(error.message).toContain('(ENOSPC: no space left on device); nothing was written')
    expect(everything(join(root, 'posts/2025/01'))).toEqual([])
  })

  it('writes nothing with dryRun but shows the file it would write', async () => {
    const root = tempDir()
    mkdirSync(join(root, 'posts/2025/01'), { recursive: true })
    writeFileSync(join(root, 'posts/2025/01/a-good-read.md'), 'mine')
    const r = await ingest(bookmark, options(root, { dryRun: true }))
    expect(r.written).toBe(false)
    expect(r.file).toBe('posts/2025/01/a-good-read-2.md')
    expect(r.text).toMatch(/^---\nid: ".+"\ntitle: "A good read"\nslug: "a-good-read-2"\n/)
    expect(everything(join(root, 'posts'))).toEqual(['2025', '2025/01', '2025/01/a-good-read.md'])
  })

  it('falls back to the host name for a slug, and cuts long slugs at a hyphen', async () => {
    const root = tempDir()
    const bare = sanitizeBookmark({ url: 'https://blog.example.org/x', title: '!!! ???' })
    expect((await ingest(bare, options(root))).file).toBe('posts/2025/01/blog-example-org.md')
    const long = sanitizeBookmark({ url: 'https://e.com', title: 'word '.repeat(40) })
    const slug = (await ingest(long, options(root))).post.slug as string
    expect(slug.length).toBeLessThanOrEqual(80)
    expect(slug).toMatch(/^(word-)+word$/)
  })
})
