// `bds scripts check` and `bds scripts run` through the CLI (in this process) and real
// Pyodide in the sandbox child.

import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { bdsInProcess } from '../helpers/cli.js'
import { tempDir } from '../helpers/site.js'

let site: string
const header = (slug: string, kind: string, entrypoint: string) =>
  `"""\n---\nslug: "${slug}"\nkind: "${kind}"\nentrypoint: "${entrypoint}"\n---\n"""\n`

const bds = (args: string[]) => bdsInProcess(args, site)

beforeAll(async () => {
  site = join(tempDir(), 'blog')
  expect((await bdsInProcess(['init', site, '--no-prepare'], tempDir())).status).toBe(0)
  writeFileSync(join(site, 'bds.config.json'), '{"title": "Blog", "python": {"timeoutMs": 3000}}')
  const write = (slug: string, kind: string, entry: string, body: string) =>
    writeFileSync(join(site, `scripts/${slug}.py`), header(slug, kind, entry) + body)
  write(
    'boom',
    'utility',
    'main',
    'def main(args):\n    print("before")\n    raise ValueError("bad " + ",".join(args))\n',
  )
  write('exits', 'utility', 'main', 'import sys\ndef main(args):\n    sys.exit(int(args[0]))\n')
  write('forever', 'utility', 'main', 'def main(args):\n    while True:\n        pass\n')
  write('typo', 'macro', 'render', 'def render(context, post)\n    return ""\n')
})

describe('bds scripts check', () => {
  it('checks every script without running it and stores the result', async () => {
    const r = await bds(['-C', site, 'scripts', 'check'])
    expect(r.status).toBe(1)
    expect(r.stdout).toMatch(/^ok {2}scripts\/hello\.py {2}render\(\) · render$/m)
    expect(r.stdout).toContain('8 checked, 1 with problems.')
    expect(r.stderr).toContain(
      "error BDS_SCRIPT_SYNTAX: scripts/typo.py: SyntaxError: expected ':'",
    )
    expect(r.stderr).toContain('--> scripts/typo.py:8:26')
    const row = JSON.parse(
      (await bds(['-C', site, 'scripts', 'show', 'reading_time', '--json'])).stdout,
    )
    expect(row).toMatchObject({ syntaxStatus: 'ok', functions: ['minutes', 'main'] })
    const typo = JSON.parse((await bds(['-C', site, 'scripts', 'show', 'typo', '--json'])).stdout)
    expect(typo.syntaxStatus).toMatch(/^error: /)
  })

  it('checks one script by slug', async () => {
    const r = await bds(['-C', site, 'scripts', 'check', 'hello'])
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toContain('1 checked, 0 with problems.')
  })
})

describe('bds scripts run', () => {
  it('runs main(args) with the bds module and streams its output', async () => {
    const r = await bds(['-C', site, 'scripts', 'run', 'reading_time'])
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/^Blog: 3 posts and pages, \d+ tags$/m)
    const words = await bds([
      '-C',
      site,
      'scripts',
      'run',
      'reading_time',
      '--',
      'a',
      'few',
      'words',
    ])
    expect(words.stdout).toBe('1 min read\n')
  })

  it('exits 1 with the traceback when main raises, keeping what it printed', async () => {
    const r = await bds(['-C', site, 'scripts', 'run', 'boom', 'x', 'y'])
    expect(r.status).toBe(1)
    expect(r.stdout).toBe('before\n')
    expect(r.stderr).toContain(
      'error BDS_SCRIPT_FAILED: scripts/boom.py failed: ValueError: bad x,y',
    )
    expect(r.stderr).toContain('File "scripts/boom.py", line 10, in main')
  })

  it('passes on the code of sys.exit', async () => {
    expect((await bds(['-C', site, 'scripts', 'run', 'exits', '3'])).status).toBe(3)
    expect((await bds(['-C', site, 'scripts', 'run', 'exits', '0'])).status).toBe(0)
  })

  it('stops a script that runs past python.timeoutMs', async () => {
    const r = await bds(['-C', site, 'scripts', 'run', 'forever'])
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('KeyboardInterrupt')
  })

  it('refuses to run a macro', async () => {
    const r = await bds(['-C', site, 'scripts', 'run', 'hello'])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('hello is a macro script')
  })
})
