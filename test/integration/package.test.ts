// The npm package and the GitHub Action (#14): `npm pack` on a copy of this working tree
// makes a tarball that installs into an empty folder with no build step and no dev
// dependencies, and whose `bds` builds a fixture and a `bds init` site (Python macros in the
// sandbox) under --strict; action.yml's own steps install that tarball and build a site.

import { spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { type ActionRun, runAction } from '../helpers/action-runner.js'
import { copyFixture, repoRoot, tempDir } from '../helpers/site.js'

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    maxBuffer: 64 * 1024 * 1024,
  })
  expect(r.status, `${cmd} ${args.join(' ')}\n${r.stdout}\n${r.stderr}`).toBe(0)
  return r
}

/**
 * This working tree without node_modules, dist/ and caches; node_modules hard-linked back (a
 * real folder: the Python sandbox reads only real paths, and the blog fixture runs a Python
 * macro), or linked where hard links cannot be made.
 */
function copyRepo(): string {
  const dest = join(tempDir('bds-pack-'), 'bds')
  const skip = /^\/?(node_modules|dist|\.git)(\/|$)|\/(\.bds|dist)(\/|$)/
  cpSync(repoRoot, dest, {
    recursive: true,
    filter: (src) => !skip.test(src.slice(repoRoot.length - 1).replace(/^\//, '')),
  })
  const modules = join(repoRoot, 'node_modules')
  if (spawnSync('cp', ['-al', modules, join(dest, 'node_modules')]).status !== 0)
    symlinkSync(modules, join(dest, 'node_modules'))
  return dest
}

/**
 * better-sqlite3's own install script fetches a prebuilt binary or compiles one (about two
 * minutes here). The binary `npm ci` built for this repo is offered as a local prebuild, so
 * the test measures bds's package, not a C compiler; BDS_TEST_PACK_COMPILE=1 compiles.
 */
function localPrebuild(): NodeJS.ProcessEnv {
  if (process.env.BDS_TEST_PACK_COMPILE === '1') return {}
  const pkg = join(repoRoot, 'node_modules/better-sqlite3')
  const { version } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'))
  const dir = tempDir('bds-prebuilds-')
  const name = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`
  run('tar', ['-czf', join(dir, name), '-C', pkg, 'build/Release/better_sqlite3.node'], dir)
  return { npm_config_better_sqlite3_local_prebuilds: dir }
}

describe('the npm package', () => {
  let files: string[]
  let app: string
  let copy: string
  let tarball: string
  let prebuild: NodeJS.ProcessEnv
  const bds = (args: string[]) => run(join(app, 'node_modules/.bin/bds'), args, app)

  beforeAll(() => {
    copy = copyRepo()
    const out = tempDir('bds-tarball-')
    run('npm', ['pack', '--pack-destination', out, '--loglevel=error'], copy)
    const [name] = readdirSync(out).filter((f) => f.endsWith('.tgz'))
    expect(name).toMatch(/^bds-ssg-\d+\.\d+\.\d+\.tgz$/)
    tarball = join(out, name as string)
    files = run('tar', ['-tzf', tarball], out).stdout.trim().split('\n')
    expect(existsSync(join(copy, 'npm-shrinkwrap.json')), 'postpack removes it').toBe(false)
    app = tempDir('bds-install-')
    writeFileSync(join(app, 'package.json'), '{"private": true}\n')
    const flags = ['--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error']
    prebuild = localPrebuild()
    run('npm', ['install', ...flags, tarball], app, prebuild)
  }, 600_000)

  it('holds the compiled CLI, the theme, the scaffold, the scripts and the Python files', () => {
    for (const f of [
      'package/package.json',
      'package/bin/bds.js',
      'package/dist/cli/main.js',
      'package/dist/python/worker/index.js',
      'package/dist/python/sandbox/child.js',
      'package/templates/base.liquid',
      'package/scaffold/posts/welcome.md',
      'package/scripts/hello.py',
      'package/src/python/py/harness.py',
      'package/src/python/sandbox/root.sh',
      'package/npm-shrinkwrap.json',
      'package/README.md',
    ])
      expect(files, f).toContain(f)
    const unwanted = files.filter((f) => /^package\/(test|fixtures|bench|tools)\/|\.ts$/.test(f))
    expect(unwanted.filter((f) => !f.endsWith('.d.ts'))).toEqual([])
  })

  it('installs with the bds command and without dev dependencies', () => {
    expect(bds(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
    for (const dev of ['typescript', 'vitest', '@biomejs/biome', 'tsx'])
      expect(existsSync(join(app, 'node_modules', dev)), dev).toBe(false)
    expect(
      existsSync(join(app, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node')),
    ).toBe(true)
  })

  it('builds the blog fixture under --strict', () => {
    const site = copyFixture('sites/blog')
    const r = bds(['build', site, '--strict'])
    expect(r.stdout).toMatch(/^Built \d+ files/m)
    expect(existsSync(join(site, 'dist/index.html'))).toBe(true)
  })

  it('builds a new site whose Python macros run in the sandbox, under --strict', () => {
    const site = join(tempDir(), 'blog')
    mkdirSync(site)
    bds(['init', site])
    const r = bds(['build', site, '--strict'])
    expect(r.stdout).toMatch(/python: 2 calls · 0 errors/)
  })

  /** A workspace holding a copy of the blog fixture in site/. */
  function workspace(): string {
    const dir = tempDir('bds-workspace-')
    cpSync(join(repoRoot, 'fixtures/sites/blog'), join(dir, 'site'), {
      recursive: true,
      filter: (src) => !/\/(\.bds|dist)(\/|$)/.test(src),
    })
    return dir
  }

  function expectBuilt(r: ActionRun, dir: string) {
    expect(r.skipped).toEqual(['actions/setup-node@v4', 'actions/cache@v4', 'actions/cache@v4'])
    expect(r.log).toMatch(/^Built \d+ files/m)
    expect(r.outputs['out-dir']).toBe(join(dir, 'site/dist'))
    expect(existsSync(join(dir, 'site/dist/index.html'))).toBe(true)
    const report = JSON.parse(readFileSync(r.outputs.report as string, 'utf8'))
    expect(report.diagnostics).toEqual([])
    expect(r.steps.install?.snapshot).toMatch(/^pyodide-[\d.]+-\w+\.snapshot$/)
  }

  it("action.yml's steps install the package from npm (a tarball here) and build a site", () => {
    const dir = workspace()
    const global = tempDir('bds-global-')
    const env = {
      ...prebuild,
      npm_config_prefix: global,
      npm_config_prefer_offline: 'true',
      npm_config_loglevel: 'error',
      PATH: `${join(global, 'bin')}:${process.env.PATH}`,
    }
    const inputs = { site: 'site', version: `file:${tarball}`, args: '--verbose' }
    expectBuilt(runAction(copy, inputs, { workspace: dir, env }), dir)
  })

  it("action.yml's steps run bds from the action's own checkout and build a site", async () => {
    // The checkout's node_modules is this repo's (linked): the install guard must find it
    // current, or its npm ci would rewrite this repo's node_modules.
    const guard = (await import(join(repoRoot, 'tools/ensure-deps.js'))) as {
      staleReason: (dir: string) => string | undefined
    }
    expect(guard.staleReason(copy)).toBeUndefined()
    const dir = workspace()
    expectBuilt(runAction(copy, { site: 'site' }, { workspace: dir }), dir)
  })
})
