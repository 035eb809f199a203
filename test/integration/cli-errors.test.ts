// Errors and output a user can act on (#14), through the real CLI: every config error at
// once, a missing site folder, `--json -`, and a reader that goes away (`bds … | head`).

import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bds, copyFixture, inlineSite, repoRoot, tempDir } from '../helpers/site.js'

/** Runs bds with standard output or error closed before it writes; returns the other one. */
function withClosed(stream: 'stdout' | 'stderr', args: string[]) {
  const child = spawn(process.execPath, [join(repoRoot, 'bin/bds.js'), ...args], {
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child[stream].destroy()
  let text = ''
  child[stream === 'stdout' ? 'stderr' : 'stdout'].on('data', (c: Buffer) => {
    text += c.toString()
  })
  return new Promise<{ status: number | null; text: string }>((done) =>
    child.on('close', (status) => done({ status, text })),
  )
}

describe('errors a user can act on', () => {
  it('reports every config error at once, each with its position and a suggestion', () => {
    const root = inlineSite(
      '-- bds.config.json --\n{\n  "titel": "T",\n  "postsPerPage": 0,\n  "markdown": {"linkfy": true}\n}\n',
    )
    const r = bds(['build', root])
    expect(r.status).toBe(1)
    const errors = r.stderr.match(/^error BDS_CONFIG_INVALID: .*$/gm)
    expect(errors).toEqual([
      'error BDS_CONFIG_INVALID: Unknown key "titel". Did you mean "title"?',
      'error BDS_CONFIG_INVALID: Key "postsPerPage" must be >= 1 (found 0).',
      'error BDS_CONFIG_INVALID: Unknown key "markdown.linkfy". Did you mean "markdown.linkify"?',
    ])
    for (const pos of ['bds.config.json:2:3', 'bds.config.json:3:3', 'bds.config.json:4:16'])
      expect(r.stderr).toContain(`--> ${pos}`)
  })

  it('says that a site folder does not exist', () => {
    const missing = join(tempDir(), 'no-such-site')
    for (const args of [
      ['build', missing],
      ['-C', missing, 'scripts', 'list'],
    ]) {
      const r = bds(args)
      expect(r.status, args.join(' ')).toBe(1)
      expect(r.stderr).toContain(`BDS_SITE_NOT_FOUND: The site folder ${missing} does not exist.`)
    }
  })

  it('writes the report alone to standard output with --json -', () => {
    const site = copyFixture('sites/blog')
    const r = bds(['build', site, '--json', '-'])
    expect(r.status, r.stderr).toBe(0)
    const report = JSON.parse(r.stdout)
    expect(report.outputs.total).toBeGreaterThan(10)
    expect(r.stderr).toMatch(/^Built \d+ files/m)
  })

  it('ends quietly when the reader of its output goes away', async () => {
    const site = copyFixture('sites/blog')
    const help = await withClosed('stdout', ['--help'])
    expect(help).toEqual({ status: 0, text: '' })
    const built = await withClosed('stdout', ['build', site, '--json', '-'])
    expect(built.text).not.toMatch(/EPIPE|Error|at /)
    const failed = await withClosed('stderr', ['build', join(site, 'nope')])
    expect(failed).toEqual({ status: 1, text: '' })
  })
})
