// The search index in parts (decision 0028), on fake Pagefind processes: each part is its own
// index, deleted once its files are taken; the files come out in part order whichever lane
// made them; a failing part stops the others and every process is closed, with nothing asked
// of one after it was closed. (build.search.test.ts and the browser test use the real one.)

import { describe, expect, it } from 'vitest'
import { indexParts, type TreeDocs } from '../../../src/build/steps/search.js'
import type { PostMeta } from '../../../src/content/index.js'
import type { RenderedBody } from '../../../src/render/index.js'
import type { Tree } from '../../../src/site/index.js'

type Pagefind = typeof import('pagefind')

interface Log {
  events: string[]
  closed: Set<number>
  late: string[]
  lanes: number
}

/** A fake Pagefind process: its indexes list the URLs they were given as their one file. */
function fakeLane(lane: number, log: Log, failOn?: string): Pagefind {
  let next = 0
  const fake = {
    async createIndex() {
      if (log.closed.has(lane)) log.late.push(`createIndex on closed lane ${lane}`)
      const id = `${lane}.${next++}`
      const urls: string[] = []
      log.events.push(`create ${id}`)
      const index = {
        async addHTMLFile(file: { url: string }) {
          if (log.closed.has(lane)) log.late.push(`add ${file.url} on closed lane ${lane}`)
          await new Promise((resolve) => setImmediate(resolve))
          urls.push(file.url)
          return { errors: file.url === failOn ? ['cannot parse'] : [] }
        },
        async getFiles() {
          return { errors: [], files: [{ path: 'urls.txt', content: urls.join(' ') }] }
        },
        async deleteIndex() {
          log.events.push(`delete ${id}`)
          return null
        },
      }
      return { errors: [], index }
    },
    async close() {
      log.closed.add(lane)
      return null
    },
  }
  return fake as unknown as Pagefind
}

function docs(posts: number, partSize: number, prefix = ''): TreeDocs {
  const metas = Array.from({ length: posts }, (_, i) => ({ file: `p${i}.md`, title: `P${i}` }))
  const all = metas as unknown as PostMeta[]
  const tree: TreeDocs['tree'] = {
    tree: { prefix } as Tree,
    posts: all,
    urls: new Map(all.map((p, i) => [p, `${prefix}/p${i}/`])),
    bodies: new Map(metas.map((p) => [p.file, { html: `<p>${p.title}</p>` } as RenderedBody])),
  }
  return { language: 'en', prefix, tree, partSize }
}

const start = (log: Log, failOn?: string) => async (count: number) => {
  log.lanes = count
  return Array.from({ length: count }, (_, k) => fakeLane(k, log, failOn))
}
const newLog = (): Log => ({ events: [], closed: new Set(), late: [], lanes: 0 })

describe('the search index in parts', () => {
  it('makes one index per part, in part order, and deletes each', async () => {
    const log = newLog()
    const made = await indexParts([docs(5, 2), docs(2, 2, '/en')], true, start(log))
    const text = (c: unknown) => Buffer.from(c as string).toString()
    expect(made.files.map((f) => [f.path, text(f.contents)])).toEqual([
      ['pagefind/urls.txt', '/p0/ /p1/'],
      ['pagefind/part-2/urls.txt', '/p2/ /p3/'],
      ['pagefind/part-3/urls.txt', '/p4/'],
      ['en/pagefind/urls.txt', '/en/p0/ /en/p1/'],
    ])
    expect(made.files.every((f) => f.source === 'bds:search')).toBe(true)
    const created = log.events.filter((e) => e.startsWith('create')).map((e) => e.slice(7))
    const deleted = log.events.filter((e) => e.startsWith('delete')).map((e) => e.slice(7))
    expect(created).toHaveLength(4)
    expect(deleted.sort()).toEqual(created.sort())
    expect(made.key).toMatch(/^[0-9a-f]{40}$/)
    expect(log.closed.size).toBe(log.lanes)
    expect(log.late).toEqual([])
  })

  it('keys the index by how it is split, and a tree in one part as before parts existed', async () => {
    const key = async (posts: number, size: number) =>
      (await indexParts([docs(posts, size)], true, start(newLog()))).key
    expect(await key(5, 2)).not.toBe(await key(5, 3))
    expect(await key(5, 5)).toBe(await key(5, 5000))
    expect((await indexParts([docs(5, 2)], false, start(newLog()))).key).toBe('')
  })

  it('stops every part when one fails and closes every process after the last call', async () => {
    const log = newLog()
    const failing = indexParts([docs(40, 4)], false, start(log, '/p5/'))
    await expect(failing).rejects.toThrow('cannot parse')
    expect(log.late).toEqual([])
    // Far fewer than the 10 parts were started, and each started one was deleted.
    const created = log.events.filter((e) => e.startsWith('create')).length
    expect(created).toBeLessThan(10)
    expect(log.events.filter((e) => e.startsWith('delete'))).toHaveLength(created)
    expect(log.closed.size).toBe(log.lanes)
  })
})
