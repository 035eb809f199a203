// `bds scripts …` end to end through the real CLI: list, show, new, enable/disable, rm, sync,
// rebuild; headers that are missing or invalid, renames while bds was not running, slug and
// id conflicts, a corrupt index, unreadable files and four processes syncing at once.

import { spawn } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ScriptRow } from '../../src/scripts/index.js'
import { bdsInProcess } from '../helpers/cli.js'
import { inlineSite, repoRoot, tempDir } from '../helpers/site.js'

const CONFIG = '-- bds.config.json --\n{"title": "Scripts", "url": "https://scripts.example"}\n'

/** A row of `bds scripts list --json`: the index row without its internal header id. */
type Row = Omit<ScriptRow, 'headerId'>

const ROW_KEYS = [
  'id',
  'slug',
  'title',
  'kind',
  'entrypoint',
  'enabled',
  'cache',
  'version',
  'path',
  'hash',
  'size',
  'mtimeMs',
  'createdAt',
  'updatedAt',
  'syntaxStatus',
  'functions',
  'warnings',
]

/** A script with a bDS header built from `fields` (strings quoted, the rest bare). */
function script(
  fields: Record<string, string | number | boolean>,
  body = '\n\ndef main():\n    return 1\n',
): string {
  const lines = Object.entries(fields).map(
    ([k, v]) => `${k}: ${typeof v === 'string' ? JSON.stringify(v) : String(v)}`,
  )
  return `"""\n---\n${lines.join('\n')}\n---\n"""\n${body}`
}

/** A site with a config and the given files under scripts/. */
function siteWith(scripts: Record<string, string | Buffer> = {}): string {
  const root = inlineSite(CONFIG)
  mkdirSync(join(root, 'scripts'), { recursive: true })
  for (const [name, text] of Object.entries(scripts))
    writeFileSync(join(root, 'scripts', name), text)
  return root
}

/** Runs bds in `root` and expects `status` (0 by default), showing stderr when it differs. */
async function ok(root: string, args: string[], status = 0) {
  const r = await bdsInProcess(args, root)
  expect(r.status, `bds ${args.join(' ')}\n${r.stdout}\n${r.stderr}`).toBe(status)
  return r
}

const list = async (root: string): Promise<Row[]> =>
  JSON.parse((await ok(root, ['scripts', 'list', '--json'])).stdout)
const show = async (root: string, slug: string): Promise<Row> =>
  JSON.parse((await ok(root, ['scripts', 'show', slug, '--json'])).stdout)
const bySlug = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.slug, r]))
const byPath = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.path, r]))

/** Bytes and mtime of a file, to prove nothing wrote to it. */
const snapshot = (file: string) => ({
  bytes: readFileSync(file).toString('base64'),
  mtimeMs: statSync(file).mtimeMs,
})

/** Splits a script into its header lines and its body (everything after the closing `"""`). */
function split(text: string): { head: string[]; body: string } {
  const lines = text.split('\n')
  const close = lines.findIndex((l, i) => i > 0 && l.trim() === '"""')
  expect(close).toBeGreaterThan(0)
  return { head: lines.slice(0, close + 1), body: lines.slice(close + 1).join('\n') }
}

describe('bds scripts on a fresh bds init site', () => {
  let site: string
  beforeAll(async () => {
    site = join(tempDir(), 'blog')
    await ok(repoRoot, ['init', site])
  })

  it('lists the default scripts as a table and as JSON', async () => {
    const r = await ok(site, ['scripts', 'list'])
    expect(r.stdout).toMatch(/^slug\s+kind\s+enabled\s+entrypoint\s+version\s+title$/m)
    expect(r.stdout).toMatch(/^hello\s+macro\s+yes\s+render\s+1\s+/m)
    expect(r.stdout).toMatch(/^reading_time\s+utility\s+yes\s+main\s+1\s+/m)
    expect(r.stdout).toMatch(/^tag_domain\s+transform\s+yes\s+transform\s+1\s+/m)
    const rows = await list(site)
    expect(Array.isArray(rows)).toBe(true)
    const slugs = bySlug(rows)
    expect(slugs.hello?.kind).toBe('macro')
    expect(slugs.reading_time?.kind).toBe('utility')
    expect(slugs.tag_domain?.kind).toBe('transform')
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual([...ROW_KEYS].sort())
      expect(row.path).toBe(`scripts/${row.slug}.py`)
      expect(row.hash).toMatch(/^[0-9a-f]{40}$/)
      expect(row.size).toBe(statSync(join(site, row.path)).size)
      expect(row.enabled).toBe(true)
      expect(row.version).toBe(1)
    }
    expect(existsSync(join(site, '.bds/scripts.db'))).toBe(true)
  })

  it('shows one script as text and as JSON, and suggests a near slug when not found', async () => {
    const text = (await ok(site, ['scripts', 'show', 'hello'])).stdout
    expect(text).toMatch(/^slug\s+hello$/m)
    expect(text).toMatch(/^kind\s+macro$/m)
    expect(text).toMatch(/^entrypoint\s+render$/m)
    expect(text).toMatch(/^path\s+scripts\/hello\.py$/m)
    const row = await show(site, 'hello')
    expect(row).toEqual(bySlug(await list(site)).hello)
    expect(row).toMatchObject({ slug: 'hello', kind: 'macro', entrypoint: 'render' })
    const miss = await ok(site, ['scripts', 'show', 'helo'], 1)
    expect(miss.stderr).toContain('BDS_SCRIPT_NOT_FOUND')
    expect(miss.stderr).toContain('Did you mean "hello"')
    expect(miss.stdout).toBe('')
  })

  it('rebuild reports the same scripts as before', async () => {
    const before = await list(site)
    const r = await ok(site, ['scripts', 'rebuild'])
    expect(r.stdout).toContain(`Rebuilt the index: ${before.length} scripts.`)
    expect(await list(site)).toEqual(before)
  })
})

describe('bds scripts new, disable, enable, rm', () => {
  let site: string
  beforeAll(async () => {
    site = siteWith()
  })

  it('writes a script with a header and a body for each kind', async () => {
    const r = await ok(site, ['scripts', 'new', 'shout', '--kind', 'macro', '--title', 'Shout'])
    expect(r.stdout).toContain('scripts/shout.py')
    const text = readFileSync(join(site, 'scripts/shout.py'), 'utf8')
    const { head, body } = split(text)
    expect(head).toEqual(
      expect.arrayContaining([
        'slug: "shout"',
        'title: "Shout"',
        'kind: "macro"',
        'entrypoint: "render"',
        'enabled: true',
        'version: 1',
      ]),
    )
    expect(head.some((l) => /^id: "[0-9a-f-]{36}"$/.test(l))).toBe(true)
    expect(body).toMatch(/^def render\(/m)
    expect(await show(site, 'shout')).toMatchObject({
      slug: 'shout',
      title: 'Shout',
      kind: 'macro',
      entrypoint: 'render',
      enabled: true,
      version: 1,
    })

    await ok(site, ['scripts', 'new', 'util', '--kind', 'utility'])
    const util = readFileSync(join(site, 'scripts/util.py'), 'utf8')
    expect(util).toContain('kind: "utility"')
    expect(util).toContain('entrypoint: "main"')
    expect(split(util).body).toMatch(/^def main\(/m)

    await ok(site, ['scripts', 'new', 'shape', '--kind', 'transform'])
    const shape = readFileSync(join(site, 'scripts/shape.py'), 'utf8')
    expect(shape).toContain('kind: "transform"')
    expect(shape).toContain('entrypoint: "transform"')
    expect(split(shape).body).toMatch(/^def transform\(/m)
  })

  it('refuses to overwrite an existing script and rejects an unknown kind', async () => {
    const file = join(site, 'scripts/shout.py')
    const before = snapshot(file)
    const again = await ok(site, ['scripts', 'new', 'shout'], 1)
    expect(again.stderr).toContain('BDS_NEW_EXISTS')
    expect(snapshot(file)).toEqual(before)

    const bad = await ok(site, ['scripts', 'new', 'widget', '--kind', 'gadget'], 2)
    expect(bad.stderr).toContain('gadget')
    expect(existsSync(join(site, 'scripts/widget.py'))).toBe(false)
  })

  it('disable and enable rewrite only enabled, version and updatedAt', async () => {
    const file = join(site, 'scripts/shout.py')
    const check = async (before: string, after: string, enabled: boolean, version: number) => {
      const a = split(before)
      const b = split(after)
      expect(b.body).toBe(a.body)
      expect(b.head).toHaveLength(a.head.length)
      const changed = a.head.flatMap((line, i) => (line === b.head[i] ? [] : [i]))
      expect(changed.map((i) => (a.head[i] as string).split(':')[0]).sort()).toEqual([
        'enabled',
        'updatedAt',
        'version',
      ])
      expect(b.head).toContain(`enabled: ${enabled}`)
      expect(b.head).toContain(`version: ${version}`)
      const stamp = b.head.find((l) => l.startsWith('updatedAt: ')) as string
      expect(Number.isNaN(Date.parse(JSON.parse(stamp.slice('updatedAt: '.length))))).toBe(false)
      expect(await show(site, 'shout')).toMatchObject({ enabled, version })
    }

    const v1 = readFileSync(file, 'utf8')
    expect((await ok(site, ['scripts', 'disable', 'shout'])).stdout).toContain('disabled')
    const v2 = readFileSync(file, 'utf8')
    await check(v1, v2, false, 2)
    expect(bySlug(await list(site)).shout?.enabled).toBe(false)

    const before = snapshot(file)
    const again = await ok(site, ['scripts', 'disable', 'shout'])
    expect(again.stdout).toContain('already disabled')
    expect(snapshot(file)).toEqual(before)
    expect((await show(site, 'shout')).version).toBe(2)

    expect((await ok(site, ['scripts', 'enable', 'shout'])).stdout).toContain('enabled')
    await check(v2, readFileSync(file, 'utf8'), true, 3)
    expect(readdirSync(join(site, 'scripts')).filter((n) => n.startsWith('.'))).toEqual([])
  })

  it('rm needs --yes when stdin is not a terminal', async () => {
    const file = join(site, 'scripts/shout.py')
    const refused = await ok(site, ['scripts', 'rm', 'shout'], 2)
    expect(refused.stderr).toContain('--yes')
    expect(existsSync(file)).toBe(true)
    expect(bySlug(await list(site)).shout).toBeDefined()

    await ok(site, ['scripts', 'rm', 'shout', '--yes'])
    expect(existsSync(file)).toBe(false)
    const slugs = (await list(site)).map((r) => r.slug)
    expect(slugs).not.toContain('shout')
    expect(slugs).toEqual(expect.arrayContaining(['util', 'shape']))
  })

  it('prints help for scripts and scripts new', async () => {
    const help = await ok(site, ['scripts', '--help'])
    for (const sub of ['list', 'show', 'new', 'enable', 'disable', 'rm', 'sync', 'rebuild'])
      expect(help.stdout).toContain(sub)
    const newHelp = await ok(site, ['scripts', 'new', '--help'])
    expect(newHelp.stdout).toContain('--kind')
    expect(newHelp.stdout).toContain('--title')
  })
})

describe('headers that are missing or invalid', () => {
  it('lists a file without a header with the defaults and never writes to it', async () => {
    const site = siteWith({ 'plain.py': 'def main(): pass\n' })
    const file = join(site, 'scripts/plain.py')
    const before = snapshot(file)
    const r = await ok(site, ['scripts', 'list'])
    expect(r.stdout).toMatch(/^plain\s+utility\s+yes\s+main\s+1\s+plain$/m)
    const row = await show(site, 'plain')
    expect(row).toMatchObject({
      slug: 'plain',
      title: 'plain',
      kind: 'utility',
      entrypoint: 'main',
      enabled: true,
      version: 1,
      path: 'scripts/plain.py',
    })
    await ok(site, ['scripts', 'sync'])
    await ok(site, ['scripts', 'rebuild'])
    expect(await list(site)).toEqual([row])
    expect(snapshot(file)).toEqual(before)
    expect(readdirSync(join(site, 'scripts'))).toEqual(['plain.py'])
  })

  it('warns about invalid values with the file and line, and uses the defaults', async () => {
    const site = siteWith({
      'bad.py': script({
        id: 'bad-1',
        slug: 'bad',
        title: 'Bad',
        kind: 'gadget',
        entrypoint: 'main',
        enabled: 'yes',
        version: -3,
      }),
    })
    const file = join(site, 'scripts/bad.py')
    const before = snapshot(file)
    const r = await ok(site, ['scripts', 'list'])
    expect(r.stderr).toContain('BDS_SCRIPT_HEADER')
    // Line 1 is `"""`, line 2 `---`, then id (3), slug (4), title (5), kind (6), … version (9).
    expect(r.stderr).toMatch(/invalid "kind" \("gadget"\)[^\n]*\n\s*--> scripts\/bad\.py:6:/)
    expect(r.stderr).toMatch(/invalid "enabled" \("yes"\)[^\n]*\n\s*--> scripts\/bad\.py:8:/)
    expect(r.stderr).toMatch(/invalid "version" \(-3\)[^\n]*\n\s*--> scripts\/bad\.py:9:/)
    expect(r.stdout).toMatch(/^bad\s+utility\s+yes\s+main\s+1\s+Bad$/m)
    expect(await show(site, 'bad')).toMatchObject({
      id: 'bad-1',
      kind: 'utility',
      enabled: true,
      version: 1,
    })
    expect(snapshot(file)).toEqual(before)
  })
  it('still fails bds build --strict on an invalid header that scripts list already indexed', async () => {
    const site = inlineSite(
      `${CONFIG}-- posts/hi.md --\n---\ntitle: Hi\ndate: 2024-01-01\n---\n\nHi.\n`,
    )
    mkdirSync(join(site, 'scripts'))
    writeFileSync(
      join(site, 'scripts/bad.py'),
      script({ id: 'b', slug: 'bad', title: 'Bad', kind: 'gadget', entrypoint: 'main' }),
    )
    expect((await ok(site, ['scripts', 'list'])).stderr).toContain('BDS_SCRIPT_HEADER')
    // The header is still invalid, so a strict build must fail as on a fresh checkout.
    const strict = await ok(site, ['build', '--strict'], 1)
    expect(strict.stderr).toContain('BDS_SCRIPT_HEADER')
  })
})

describe('scripts sync after changes made while bds was not running', () => {
  let site: string
  const dir = () => join(site, 'scripts')
  const sync = async () => (await ok(site, ['scripts', 'sync'])).stdout
  beforeAll(async () => {
    site = siteWith({
      'alpha.py': script({ id: 'id-alpha', slug: 'alpha', kind: 'utility' }),
      'beta.py': script({ id: 'id-beta', slug: 'beta', kind: 'utility' }),
      'gamma.py': script({ id: 'id-gamma', slug: 'gamma', kind: 'utility' }),
      'delta.py': script({ id: 'id-delta', slug: 'delta', kind: 'utility' }),
      'plain.py': 'def main():\n    return "plain"\n',
    })
    const first = await sync()
    expect(first).toContain('Indexed 5 scripts: 5 added')
  })

  it('reports nothing when nothing changed', async () => {
    expect(await sync()).toContain('0 added, 0 modified, 0 deleted, 0 renamed, 5 unchanged')
  })

  it('reports an added file with +', async () => {
    writeFileSync(join(dir(), 'epsilon.py'), script({ id: 'id-epsilon', slug: 'epsilon' }))
    const out = await sync()
    expect(out).toContain('1 added')
    expect(out).toMatch(/^\s+\+ scripts\/epsilon\.py$/m)
    expect((await show(site, 'epsilon')).id).toBe('id-epsilon')
  })

  it('reports an edited file with ~ and keeps its id', async () => {
    const before = await show(site, 'beta')
    writeFileSync(
      join(dir(), 'beta.py'),
      script({ id: 'id-beta', slug: 'beta', title: 'Beta, edited', kind: 'utility' }),
    )
    const out = await sync()
    expect(out).toContain('1 modified')
    expect(out).toMatch(/^\s+~ scripts\/beta\.py$/m)
    const after = await show(site, 'beta')
    expect(after.id).toBe(before.id)
    expect(after.title).toBe('Beta, edited')
    expect(after.hash).not.toBe(before.hash)
  })

  it('reports a deleted file with -', async () => {
    rmSync(join(dir(), 'gamma.py'))
    const out = await sync()
    expect(out).toContain('1 deleted')
    expect(out).toMatch(/^\s+- scripts\/gamma\.py$/m)
    expect(bySlug(await list(site)).gamma).toBeUndefined()
    expect((await ok(site, ['scripts', 'show', 'gamma'], 1)).stderr).toContain(
      'BDS_SCRIPT_NOT_FOUND',
    )
  })

  it('reports a renamed file with > and keeps its id', async () => {
    const before = await show(site, 'alpha')
    renameSync(join(dir(), 'alpha.py'), join(dir(), 'alpha_two.py'))
    const out = await sync()
    expect(out).toContain('1 renamed')
    expect(out).toContain('0 added')
    expect(out).toContain('0 deleted')
    expect(out).toMatch(/^\s+> scripts\/alpha\.py → scripts\/alpha_two\.py$/m)
    const after = await show(site, 'alpha')
    expect(after.id).toBe(before.id)
    expect(after.path).toBe('scripts/alpha_two.py')
  })

  it('keeps the id of a file with a header id that was renamed and edited', async () => {
    const before = await show(site, 'delta')
    rmSync(join(dir(), 'delta.py'))
    writeFileSync(
      join(dir(), 'delta_moved.py'),
      script(
        { id: 'id-delta', slug: 'delta', title: 'Delta moved', kind: 'macro' },
        '\n\ndef render(c, p):\n    return {"html": ""}\n',
      ),
    )
    const out = await sync()
    expect(out).toMatch(/^\s+> scripts\/delta\.py → scripts\/delta_moved\.py$/m)
    expect(out).not.toMatch(/^\s+[+-] /m)
    const after = await show(site, 'delta')
    expect(after.id).toBe(before.id)
    expect(after).toMatchObject({
      path: 'scripts/delta_moved.py',
      kind: 'macro',
      title: 'Delta moved',
    })
  })

  it('keeps the id of a file without a header that was renamed unchanged', async () => {
    const before = await show(site, 'plain')
    const bytes = readFileSync(join(dir(), 'plain.py'))
    renameSync(join(dir(), 'plain.py'), join(dir(), 'plain_moved.py'))
    const out = await sync()
    expect(out).toMatch(/^\s+> scripts\/plain\.py → scripts\/plain_moved\.py$/m)
    const rows = byPath(await list(site))
    expect(rows['scripts/plain.py']).toBeUndefined()
    expect(rows['scripts/plain_moved.py']?.id).toBe(before.id)
    expect(rows['scripts/plain_moved.py']?.slug).toBe('plain_moved')
    expect(readFileSync(join(dir(), 'plain_moved.py'))).toEqual(bytes)
  })

  it('ends with every file indexed once', async () => {
    const rows = await list(site)
    expect(rows.map((r) => r.path).sort()).toEqual(
      readdirSync(dir())
        .map((n) => `scripts/${n}`)
        .sort(),
    )
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length)
  })
})

describe('slug and id conflicts', () => {
  const dup = (id: string, slug: string, title: string) =>
    script({ id, slug, title, kind: 'utility', entrypoint: 'main' })

  it('gives the second of two new scripts with one slug a _2 slug, with a warning', async () => {
    const site = siteWith({ 'a.py': dup('id-a', 'dup', 'A'), 'b.py': dup('id-b', 'dup', 'B') })
    const r = await ok(site, ['scripts', 'list'])
    expect(r.stderr).toContain('BDS_SCRIPT_CONFLICT')
    expect(r.stderr).toContain('scripts/b.py')
    const rows = byPath(await list(site))
    expect(rows['scripts/a.py']?.slug).toBe('dup')
    expect(rows['scripts/b.py']?.slug).toBe('dup_2')
    expect((await show(site, 'dup_2')).path).toBe('scripts/b.py')
  })

  it('lets an indexed script keep its slug when a new file earlier by path claims it', async () => {
    const site = siteWith({ 'z.py': dup('id-z', 'dup', 'Z') })
    await ok(site, ['scripts', 'sync'])
    writeFileSync(join(site, 'scripts/a.py'), dup('id-a', 'dup', 'A'))
    const r = await ok(site, ['scripts', 'sync'])
    expect(r.stderr).toContain('BDS_SCRIPT_CONFLICT')
    expect(r.stderr).toContain('scripts/a.py')
    const rows = byPath(await list(site))
    expect(rows['scripts/z.py']?.slug).toBe('dup')
    expect(rows['scripts/a.py']?.slug).toBe('dup_2')
  })

  // z.py is indexed first and holds "dup"; a.py, earlier by path, arrives later and gets dup_2.
  const conflicted = async () => {
    const site = siteWith({ 'z.py': dup('id-z', 'dup', 'Z') })
    await ok(site, ['scripts', 'sync'])
    writeFileSync(join(site, 'scripts/a.py'), dup('id-a', 'dup', 'A'))
    await ok(site, ['scripts', 'sync'])
    expect((await show(site, 'dup')).path).toBe('scripts/z.py')
    return site
  }

  it('keeps each slug with its file when both conflicting files get a new mtime', async () => {
    const site = await conflicted()
    const later = new Date(Date.now() + 5_000)
    for (const f of ['a.py', 'z.py']) utimesSync(join(site, 'scripts', f), later, later)
    expect((await ok(site, ['scripts', 'sync'])).stdout).toContain('2 unchanged')
    expect((await show(site, 'dup')).path).toBe('scripts/z.py')
    expect((await show(site, 'dup_2')).path).toBe('scripts/a.py')
  })

  it('keeps each slug with its file when both conflicting files are edited in one sync', async () => {
    const site = await conflicted()
    for (const f of ['a.py', 'z.py'])
      writeFileSync(join(site, 'scripts', f), `${readFileSync(join(site, 'scripts', f))}# edit\n`)
    expect((await ok(site, ['scripts', 'sync'])).stdout).toContain('2 modified')
    expect((await show(site, 'dup')).path).toBe('scripts/z.py')
    expect((await show(site, 'dup_2')).path).toBe('scripts/a.py')
  })

  it('gives the second of two scripts with one header id a new id, with a warning', async () => {
    const site = siteWith({
      'one.py': dup('same-id', 'one', 'One'),
      'two.py': dup('same-id', 'two', 'Two'),
    })
    const r = await ok(site, ['scripts', 'list'])
    expect(r.stderr).toContain('BDS_SCRIPT_CONFLICT')
    expect(r.stderr).toMatch(/scripts\/two\.py has the id of another script/)
    const rows = bySlug(await list(site))
    expect(rows.one?.id).toBe('same-id')
    expect(rows.two?.id).not.toBe('same-id')
    expect(rows.two?.id).toMatch(/^same-id-/)
    // Stable: the next run keeps both ids.
    expect(bySlug(await list(site)).two?.id).toBe(rows.two?.id)
  })
})

describe('a corrupt or missing index', () => {
  const scripts = () => ({
    'a.py': script({ id: 'id-a', slug: 'a', kind: 'utility' }),
    'b.py': script(
      { id: 'id-b', slug: 'b', kind: 'macro' },
      '\n\ndef render(c, p):\n    return {}\n',
    ),
    'c.py': 'def main():\n    pass\n',
  })

  for (const [name, damage] of [
    ['garbage bytes', (db: string) => writeFileSync(db, Buffer.alloc(8192, 0xa5))],
    ['a file cut to 10 bytes', (db: string) => writeFileSync(db, readFileSync(db).subarray(0, 10))],
  ] as const) {
    it(`is rebuilt with a warning from ${name}`, async () => {
      const site = siteWith(scripts())
      const before = await list(site)
      expect(before).toHaveLength(3)
      damage(join(site, '.bds/scripts.db'))
      const r = await ok(site, ['scripts', 'list'])
      expect(r.stderr).toContain('BDS_CACHE_RESET')
      expect(r.stdout).toMatch(/^a\s+utility/m)
      expect(r.stdout).toMatch(/^b\s+macro/m)
      expect(r.stdout).toMatch(/^c\s+utility/m)
      expect(await list(site)).toEqual(before)
    })
  }

  it('does not stop a build', async () => {
    const site = inlineSite(
      `${CONFIG}-- posts/hello.md --\n---\ntitle: Hello\ndate: 2024-01-01\n---\n\nHi.\n`,
    )
    mkdirSync(join(site, 'scripts'))
    for (const [n, t] of Object.entries(scripts())) writeFileSync(join(site, 'scripts', n), t)
    await ok(site, ['scripts', 'sync'])
    writeFileSync(join(site, '.bds/scripts.db'), Buffer.alloc(8192, 0xa5))
    const r = await ok(site, ['build'])
    expect(r.stderr).toContain('BDS_CACHE_RESET')
    expect(existsSync(join(site, 'dist/index.html'))).toBe(true)
    expect(await list(site)).toHaveLength(3)
  })

  it('is created again when .bds/ was deleted', async () => {
    const site = siteWith(scripts())
    const before = await list(site)
    rmSync(join(site, '.bds'), { recursive: true })
    expect(await list(site)).toEqual(before)
  })
})

describe('files that cannot be read as scripts', () => {
  it('skips a file that is not UTF-8 and one over 1 MB, with warnings', async () => {
    const site = siteWith({
      'good.py': 'def main():\n    return 1\n',
      'binary.py': Buffer.from([0xff, 0xfe, 0x00, 0x64, 0x65, 0x66, 0xc3, 0x28, 0x0a]),
      'huge.py': `# ${'x'.repeat(1024 * 1024)}\n`,
    })
    const r = await ok(site, ['scripts', 'list'])
    expect(r.stderr).toMatch(/BDS_SCRIPT_READ[^\n]*scripts\/binary\.py is not UTF-8/)
    expect(r.stderr).toMatch(/BDS_SCRIPT_READ[^\n]*scripts\/huge\.py is \d+ bytes, over the 1 MB/)
    expect(r.stdout).toMatch(/^good\s+utility/m)
    expect(r.stdout).not.toMatch(/^binary\s/m)
    expect(r.stdout).not.toMatch(/^huge\s/m)
    expect((await list(site)).map((row) => row.path)).toEqual(['scripts/good.py'])
    // Still skipped, and still said, on the next run.
    expect((await ok(site, ['scripts', 'sync'])).stderr).toContain('BDS_SCRIPT_READ')
  })
})

describe('four bds scripts sync processes at once', () => {
  it('index 300 scripts exactly once', async () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < 300; i++) {
      const n = String(i).padStart(3, '0')
      files[`s${n}.py`] =
        i % 3 === 0
          ? `def main():\n    return ${i}\n`
          : script({ id: `id-${n}`, slug: `s${n}`, title: `Script ${n}`, kind: 'utility' })
    }
    const site = siteWith(files)
    const run = () =>
      new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
        const child = spawn(process.execPath, [join(repoRoot, 'bin/bds.js'), 'scripts', 'sync'], {
          cwd: site,
          env: { ...process.env, NO_COLOR: '1', TZ: 'UTC' },
          stdio: ['ignore', 'ignore', 'pipe'],
        })
        let stderr = ''
        child.stderr.setEncoding('utf8').on('data', (d: string) => {
          stderr += d
        })
        child.on('error', reject)
        child.on('close', (code) => resolve({ code, stderr }))
      })
    const results = await Promise.all([run(), run(), run(), run()])
    for (const r of results) expect(r.code, r.stderr).toBe(0)
    for (const r of results) expect(r.stderr).not.toContain('BDS_SCRIPT_CONFLICT')
    const rows = await list(site)
    expect(rows).toHaveLength(300)
    expect(new Set(rows.map((r) => r.slug)).size).toBe(300)
    expect(new Set(rows.map((r) => r.id)).size).toBe(300)
    expect(rows.map((r) => r.slug).sort()).toEqual(
      Object.keys(files)
        .map((f) => f.replace(/\.py$/, ''))
        .sort(),
    )
  })
})
