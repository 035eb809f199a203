// `bds serve` (#14): serves what `bds build` wrote, over real HTTP, without building or
// watching — styles load and links resolve, which they do not over file://.

import { readdirSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { startBds } from '../helpers/process.js'
import { bds, copyFixture, listFiles, tempDir } from '../helpers/site.js'

const URL_LINE = / at (http:\/\/\S+\/) /

/** A port held by another program until `close()`. */
async function takenPort(): Promise<{ port: number; server: Server }> {
  const server = createServer()
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return { port: (server.address() as { port: number }).port, server }
}

describe('bds serve', () => {
  let site: string
  beforeAll(() => {
    site = copyFixture('sites/blog')
    const r = bds(['build', site, '--quiet'])
    expect(r.status, r.stderr).toBe(0)
  })

  it('serves the output folder of a built site: the stylesheet and every linked page load', async () => {
    const served = startBds(['serve', site, '--port', '0'])
    try {
      const url = (await served.waitFor(URL_LINE))[1] as string
      expect(served.output()).toMatch(/serving \S*dist\/ at http:\/\/127\.0\.0\.1:\d+\//)
      const home = await fetch(url)
      expect(home.status).toBe(200)
      const html = await home.text()
      const css = await fetch(new URL('assets/bds.css', url))
      expect(css.status).toBe(200)
      expect(css.headers.get('content-type')).toMatch(/^text\/css/)
      const links = [...html.matchAll(/href="(\/[^"#]*)"/g)].map((m) => m[1] as string)
      expect(links.length).toBeGreaterThan(5)
      for (const link of new Set(links)) {
        const res = await fetch(new URL(link, url))
        expect(res.status, link).toBe(200)
        await res.arrayBuffer()
      }
      expect((await fetch(new URL('no/such/page/', url))).status).toBe(404)
    } finally {
      expect(await served.stop()).toBe(0)
    }
    expect(served.output()).toContain('bds: stopped serving.')
  })

  it('serves a built folder named directly, and builds nothing', async () => {
    const before = listFiles(join(site, 'dist'))
    const served = startBds(['serve', join(site, 'dist'), '--port', '0'])
    try {
      const url = (await served.waitFor(URL_LINE))[1] as string
      expect((await fetch(url)).status).toBe(200)
    } finally {
      await served.stop()
    }
    expect(listFiles(join(site, 'dist'))).toEqual(before)
  })

  it('says what to do when nothing was built, and when the folder does not exist', () => {
    const fresh = copyFixture('sites/blog')
    const r = bds(['serve', fresh, '--port', '0'])
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('BDS_SERVE_NOT_BUILT')
    expect(r.stderr).toContain('bds build')
    const missing = bds(['serve', join(fresh, 'nope')])
    expect(missing.status).toBe(1)
    expect(missing.stderr).toMatch(/BDS_SITE_NOT_FOUND: The site folder \S+nope does not exist/)
  })

  it('fails on a port that was asked for and is taken', async () => {
    const { port, server } = await takenPort()
    try {
      const r = bds(['serve', site, '--port', String(port)])
      expect(r.status).toBe(1)
      expect(r.stderr).toContain(`BDS_WATCH_LISTEN: Port ${port} on 127.0.0.1 is taken`)
    } finally {
      server.close()
    }
  })

  it('lists the addresses that reach it on --host 0.0.0.0, and warns', async () => {
    const served = startBds(['serve', site, '--port', '0', '--host', '0.0.0.0'])
    try {
      const m = await served.waitFor(/reachable at (.*)$/m)
      expect(m[1]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//)
      await served.waitFor(/anyone who can reach this machine can read the site/)
    } finally {
      await served.stop()
    }
  })
})

describe('bds init', () => {
  it('tells the user to serve the output, not to open dist/index.html from disk', () => {
    const site = join(tempDir(), 'my-blog')
    const r = bds(['init', site])
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toContain(`bds build ${site} && bds serve ${site}`)
    expect(r.stdout).toContain(`bds watch ${site}`)
    expect(r.stdout).not.toMatch(/open \S*index\.html/)
    const welcome = readdirSync(join(site, 'posts'), { recursive: true }).find((f) =>
      String(f).endsWith('welcome.md'),
    )
    const text = readFileSync(join(site, 'posts', String(welcome)), 'utf8')
    expect(text).toContain('`bds serve`')
    expect(text).not.toContain('open `dist/index.html`')
  })
})

describe('bds watch --port', () => {
  it('fails on a port that was asked for and is taken', async () => {
    const site = copyFixture('sites/blog')
    const { port, server } = await takenPort()
    try {
      const r = bds(['watch', site, '--port', String(port)])
      expect(r.status).toBe(1)
      expect(r.stderr).toContain(`Port ${port} on 127.0.0.1 is taken`)
    } finally {
      server.close()
    }
  })
})
