// Start-up (#15): a command line loads only what it uses. Each case runs the built CLI in a
// fresh Node process and lists the packages it loaded (CommonJS packages land in require's
// cache, which is how bds's heavy dependencies load); the timing itself is measured by
// `npm run bench` (bench/startup.ts), never here.

import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { copyFixture, repoRoot } from '../helpers/site.js'

/** The packages (under node_modules) a process running `args` loaded. */
function packagesLoaded(args: string[]): string[] {
  const script = `
    import { createRequire } from 'node:module'
    const { runCli } = await import(${JSON.stringify(join(repoRoot, 'dist/cli/main.js'))})
    const { createOut } = await import(${JSON.stringify(join(repoRoot, 'dist/cli/out.js'))})
    const out = createOut({ out() {}, err() {} })
    await runCli(${JSON.stringify(args)}, out, process.cwd())
    const names = Object.keys(createRequire(import.meta.url).cache)
      .filter((f) => f.includes('/node_modules/'))
      .map((f) => f.split('/node_modules/').pop().split('/')[0])
    console.log(JSON.stringify([...new Set(names)].sort()))
  `
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: repoRoot,
    encoding: 'utf8',
  })
  expect(r.status, r.stderr).toBe(0)
  return JSON.parse(r.stdout.trim().split('\n').pop() as string)
}

describe('what a command line loads', () => {
  it.each([['--help'], ['--version'], ['init', '--help']])(
    'bds %s loads the parser alone',
    (...args) => {
      expect(packagesLoaded(args)).toEqual(['commander'])
    },
  )

  it('a build with nothing to do reads no post and starts no Python', () => {
    const root = copyFixture('sites/python')
    expect(packagesLoaded(['build', root])).toContain('gray-matter')
    const loaded = packagesLoaded(['build', root])
    for (const name of [
      'gray-matter',
      'js-yaml',
      'piscina',
      'pyodide',
      'chokidar',
      'sharp',
      'pagefind',
    ])
      expect(loaded).not.toContain(name)
  })

  it('bds --help in the executable prints what the parser would', () => {
    const run = (args: string[]) =>
      spawnSync(process.execPath, [join(repoRoot, 'bin/bds.js'), ...args], { encoding: 'utf8' })
    const fast = run(['--help'])
    expect(fast.status).toBe(0)
    // `-C .` makes the line longer than the fast path's, so the parser answers it.
    const parsed = run(['-C', '.', '--help'])
    expect(fast.stdout).toBe(parsed.stdout)
    expect(fast.stdout).toMatch(/^Usage: bds /)
  })

  it('bds --version in the executable prints the version without the parser', () => {
    const r = spawnSync(process.execPath, [join(repoRoot, 'bin/bds.js'), '--version'], {
      encoding: 'utf8',
    })
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/)
  })
})
