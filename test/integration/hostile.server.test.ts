// The preview server of `bds watch` against a hostile page (#19, point 6), over real HTTP to
// the real CLI: a DNS-rebinding page sends its own Host header and must get 400; dotfiles,
// dot-folders and a write's temporary files are never served; nosniff is always sent.

import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { connect } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inlineSite } from '../helpers/site.js'
import { type Running, startWatch } from '../helpers/watch.js'

const SITE = `-- bds.config.json --
{"title": "Hostile", "url": "https://example.com"}
-- posts/2024-01-01-hello.md --
---
title: Hello
---
Hello.
`

interface Reply {
  status?: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** GET `path` from the server at `port` on 127.0.0.1, with the Host header given. */
function get(port: number, path: string, host: string, method = 'GET'): Promise<Reply> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { host } }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => {
        body += c
      })
      res.on('end', () => done({ status: res.statusCode, headers: res.headers, body }))
    })
    req.on('error', fail)
    req.end()
  })
}

/** An HTTP/1.0 request without any Host header; resolves with the status line. */
function withoutHost(port: number): Promise<string> {
  return new Promise((done, fail) => {
    const socket = connect(port, '127.0.0.1', () => socket.write('GET / HTTP/1.0\r\n\r\n'))
    let text = ''
    socket.on('data', (c) => {
      text += c
    })
    socket.on('end', () => done(text.split('\r\n')[0] ?? ''))
    socket.on('error', fail)
  })
}

describe('bds watch: foreign Host headers', () => {
  let root: string
  let watch: Running
  let port: number

  beforeAll(async () => {
    root = inlineSite(SITE)
    watch = await startWatch(root)
    port = Number(new URL(watch.url).port)
  })
  afterAll(async () => {
    await watch.stop()
  })

  it('serves the names of the address it listens on, with its port', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) {
      const r = await get(port, '/', host)
      expect(r.status, host).toBe(200)
      expect(r.body).toContain('Hello')
    }
  })

  it('answers any other Host with 400 and nothing of the site', async () => {
    const foreign = [
      `evil.example:${port}`,
      'evil.example',
      `localhost.evil.example:${port}`,
      `127.0.0.1.nip.io:${port}`,
      `localhost:${port + 1}`,
      'localhost',
      `user@localhost:${port}`,
    ]
    for (const host of foreign) {
      const r = await get(port, '/2024/01/01/hello/', host)
      expect(r.status, host).toBe(400)
      expect(r.body).not.toContain('Hello')
      expect(r.headers['x-content-type-options']).toBe('nosniff')
    }
    expect(await withoutHost(port)).toMatch(/^HTTP\/1\.[01] 400 /)
  })

  it('refuses the live-reload stream to a foreign Host too', async () => {
    const r = await get(port, '/__bds/events', `evil.example:${port}`)
    expect(r.status).toBe(400)
  })
})

describe('bds watch: dotfiles and temporary files', () => {
  let root: string
  let watch: Running
  let port: number
  const host = () => `127.0.0.1:${port}`

  beforeAll(async () => {
    root = inlineSite(SITE)
    watch = await startWatch(root)
    port = Number(new URL(watch.url).port)
    const dist = join(root, 'dist')
    mkdirSync(join(dist, '.git'), { recursive: true })
    mkdirSync(join(dist, 'sub/.hidden'), { recursive: true })
    writeFileSync(join(dist, '.git/config'), 'SECRET-GIT-CONFIG')
    writeFileSync(join(dist, '.env'), 'SECRET-ENV')
    writeFileSync(join(dist, '.index.html.bds-tmp-99999'), 'SECRET-TEMP')
    writeFileSync(join(dist, 'sub/.hidden/index.html'), 'SECRET-HIDDEN')
    writeFileSync(join(dist, 'sub/.page.html'), 'SECRET-PAGE')
  })
  afterAll(async () => {
    await watch.stop()
  })

  it('serves none of them: 404 with the site’s own not-found page', async () => {
    const paths = [
      '/.git/config',
      '/.git/',
      '/.env',
      '/%2Eenv',
      '/.index.html.bds-tmp-99999',
      '/sub/.hidden/',
      '/sub/.hidden/index.html',
      '/sub/.page.html',
    ]
    for (const path of paths) {
      const r = await get(port, path, host())
      expect(r.status, path).toBe(404)
      expect(r.body, path).not.toContain('SECRET')
      expect(r.headers['x-content-type-options'], path).toBe('nosniff')
    }
  })

  it('sends nosniff with every answer', async () => {
    const pages = [
      ['/', 'GET', 200],
      ['/style-that-is-missing.css', 'GET', 404],
      ['/', 'POST', 405],
      ['/2024/01/01/hello', 'GET', 301],
    ] as const
    for (const [path, method, status] of pages) {
      const r = await get(port, path, host(), method)
      expect(r.status, path).toBe(status)
      expect(r.headers['x-content-type-options'], path).toBe('nosniff')
    }
  })
})

describe('bds watch --host 0.0.0.0', () => {
  let watch: Running
  let port: number

  beforeAll(async () => {
    watch = await startWatch(inlineSite(SITE), ['--host', '0.0.0.0'])
    port = Number(new URL(watch.url).port)
  })
  afterAll(async () => {
    await watch.stop()
  })

  it('also answers the address a request came in on, and the address it listens on', async () => {
    expect((await get(port, '/', `127.0.0.1:${port}`)).status).toBe(200)
    expect((await get(port, '/', `0.0.0.0:${port}`)).status).toBe(200)
    expect((await get(port, '/', `evil.example:${port}`)).status).toBe(400)
  })
})
