// The preview server of `bds watch` (#8): content types, index.html for folders, the site's
// 404 page, no listings, nothing outside the output folder, the client only in HTML.

import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { createServer, request } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLiveReload } from '../../../src/watch/livereload.js'
import { createPreviewServer, listen } from '../../../src/watch/server.js'
import { tempDir } from '../../helpers/site.js'

const files: Record<string, string> = {
  'index.html': '<html><body><h1>Home</h1></body></html>',
  'a b/index.html': '<p>no body tag</p>',
  'style.css': 'body { color: red }',
  'logo.svg': '<svg/>',
  'data/calendar.json': '{}',
  'empty/.keep': '',
}

function raw(port: number, method: string, path: string) {
  return new Promise<{ status?: number; headers: Record<string, unknown>; body: string }>(
    (done, fail) => {
      const req = request({ host: '127.0.0.1', port, method, path }, (res) => {
        let body = ''
        res.on('data', (c) => {
          body += c
        })
        res.on('end', () => done({ status: res.statusCode, headers: res.headers, body }))
      })
      req.on('error', fail)
      req.end()
    },
  )
}

/** `files` in a new output folder (in a temp folder of its own); returns the folder. */
function writeOutput(): string {
  const out = join(tempDir(), 'dist')
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(join(out, f, '..'), { recursive: true })
    writeFileSync(join(out, f), text)
  }
  return out
}

describe('preview server', () => {
  let out: string
  let port: number
  const live = createLiveReload()
  const server = createPreviewServer({ root: () => out, live })
  const get = (path: string, method = 'GET') => raw(port, method, path)

  beforeAll(async () => {
    out = writeOutput()
    const top = join(out, '..')
    writeFileSync(join(top, 'secret.txt'), 'TOP SECRET')
    symlinkSync(join(top, 'secret.txt'), join(out, 'link.txt'))
    port = await listen(server, '127.0.0.1', 0)
  })
  afterAll(() => {
    live.close()
    server.close()
  })

  it('serves files with their content type; only HTML gets the client', async () => {
    const home = await get('/')
    expect(home.status).toBe(200)
    expect(home.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(home.body).toBe(
      '<html><body><h1>Home</h1><script src="/__bds/client.js" data-file="index.html" data-wanted="index.html"></script>\n</body></html>',
    )
    const css = await get('/style.css')
    expect([css.headers['content-type'], css.body]).toEqual([
      'text/css; charset=utf-8',
      files['style.css'],
    ])
    expect((await get('/logo.svg')).headers['content-type']).toBe('image/svg+xml')
    expect((await get('/data/calendar.json')).headers['content-type']).toBe(
      'application/json; charset=utf-8',
    )
    expect((await get('/a%20b/')).body).toContain(
      '<p>no body tag</p><script src="/__bds/client.js"',
    )
    const head = await get('/', 'HEAD')
    expect([head.status, head.body]).toEqual([200, ''])
    expect((await get('/', 'POST')).status).toBe(405)
  })

  it('redirects a folder without its slash and lists no folder', async () => {
    const folder = await get('/a%20b')
    expect([folder.status, folder.headers.location]).toEqual([301, '/a%20b/'])
    expect((await get('/empty/')).status).toBe(404)
    expect((await get('/data/')).body).not.toContain('calendar')
  })

  it('refuses paths outside the output folder, symbolic links too', async () => {
    expect((await get('/..%2fsecret.txt')).status).toBe(403)
    expect((await get('/%2e%2e/secret.txt')).body).not.toContain('TOP SECRET')
    const link = await get('/link.txt')
    expect([link.status, link.body.includes('TOP SECRET')]).toEqual([404, false])
  })

  it("answers 404 with the site's 404.html, or a bare page with the client before there is one", async () => {
    const bare = await get('/nowhere/')
    expect([bare.status, bare.headers['content-type']]).toEqual([404, 'text/html; charset=utf-8'])
    expect(bare.body).toContain('<p>Not found: /nowhere/</p><script src="/__bds/client.js"')
    writeFileSync(join(out, '404.html'), '<body>Lost</body>')
    const page = await get('/nowhere/')
    expect(page.status).toBe(404)
    expect(page.body).toContain(
      'Lost<script src="/__bds/client.js" data-file="404.html" data-wanted="nowhere/index.html">',
    )
  })

  it('takes the next port when the one asked for is taken', async () => {
    const other = createServer()
    const taken = await listen(other, '127.0.0.1', 0)
    const second = createServer()
    try {
      const got = await listen(second, '127.0.0.1', taken)
      expect(got).toBeGreaterThan(taken)
    } finally {
      other.close()
      second.close()
    }
  })
})

describe('preview server under a base path (issue 14)', () => {
  let out: string
  let port: number
  const live = createLiveReload()
  const server = createPreviewServer({ root: () => out, base: () => '/project', live })
  const get = (path: string) => raw(port, 'GET', path)

  beforeAll(async () => {
    out = writeOutput()
    writeFileSync(join(out, '404.html'), '<p>missing</p>')
    port = await listen(server, '127.0.0.1', 0)
  })
  afterAll(() => {
    live.close()
    server.close()
  })

  it('serves the output folder under the base path, and redirects / to it', async () => {
    const home = await get('/project/')
    expect(home.status).toBe(200)
    expect(home.body).toContain('<h1>Home</h1>')
    expect((await get('/project/style.css')).body).toBe('body { color: red }')
    expect((await get('/project/a%20b/')).status).toBe(200)
    const root = await get('/?x=1')
    expect(root.status).toBe(302)
    expect(root.headers.location).toBe('/project/?x=1')
    expect((await get('/project')).headers.location).toBe('/project/')
    const folder = await get('/project/data')
    expect(folder.status).toBe(301)
    expect(folder.headers.location).toBe('/project/data/')
  })

  it('finds nothing outside the base path: a link without it is a 404', async () => {
    const missing = await get('/style.css')
    expect(missing.status).toBe(404)
    expect(missing.body).toContain('<p>missing</p>')
    expect((await get('/projectx/style.css')).status).toBe(404)
  })
})
