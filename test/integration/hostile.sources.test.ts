// Only the site is published (#19, point 1): source folders and files that are symbolic links
// out of the site — static/ → ~/.ssh, a post linked to a secret — are skipped with a warning
// naming the link and its target, through the real CLI; links inside the site are followed,
// loops and dead links are reported, `allowOutside` opts a folder in, `--strict` fails.

import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bdsInProcess } from '../helpers/cli.js'
import { inlineSite, listFiles, repoRoot, tempDir } from '../helpers/site.js'

const SECRET = 'TOPSECRET-CONTENT'
const CONFIG = '{"title": "Hostile", "url": "https://example.com"}'
const POST = (title: string) => `---\ntitle: ${title}\ndate: 2024-01-01\n---\n${title} body.\n`

/** A folder outside every site, as a home folder with keys and notes would be. */
function secrets(): string {
  const home = tempDir('bds-home-')
  const put = (rel: string, text: string) => {
    mkdirSync(join(home, rel, '..'), { recursive: true })
    writeFileSync(join(home, rel), text)
  }
  put('ssh/id_rsa', `${SECRET} key\n`)
  put('ssh/assets/leak.css', `/* ${SECRET} */\n`)
  put('ssh/post.liquid', `${SECRET} {{ content }}\n`)
  put('notes/leak.md', POST(SECRET))
  put('py/leak.py', `"""\n---\nslug: "leak"\nkind: "macro"\n---\n"""\n# ${SECRET}\n`)
  return home
}

/** Everything bds wrote into the output folder, as one string. */
const published = (root: string) =>
  listFiles(join(root, 'dist'))
    .map((f) => `${f}\n${readFileSync(join(root, 'dist', f), 'latin1')}`)
    .join('\n')

const codes = (stderr: string) => [...stderr.matchAll(/warning (BDS_SOURCE_\w+): (.*)/g)]

describe('source folders that are links out of the site', () => {
  it('are skipped with a warning naming link and target; nothing of them is published', async () => {
    const home = secrets()
    const root = inlineSite(
      `-- bds.config.json --\n${CONFIG}\n-- pages/about.md --\n${POST('About')}`,
    )
    symlinkSync(join(home, 'ssh'), join(root, 'static'))
    symlinkSync(join(home, 'ssh'), join(root, 'media'))
    symlinkSync(join(home, 'ssh'), join(root, 'templates'))
    symlinkSync(join(home, 'notes'), join(root, 'posts'))
    symlinkSync(join(home, 'py'), join(root, 'scripts'))
    const r = await bdsInProcess(['build', root], repoRoot)
    expect(r.status, r.stderr).toBe(0)
    const warned = codes(r.stderr)
    expect(warned.map((m) => m[1])).toEqual(Array(5).fill('BDS_SOURCE_OUTSIDE'))
    for (const folder of ['static', 'media', 'templates', 'posts', 'scripts']) {
      const line = warned.find((m) => (m[2] as string).startsWith(`${folder} `))?.[2]
      expect(line, folder).toContain('is a symbolic link to')
      expect(line, folder).toContain(home)
    }
    const out = published(root)
    expect(out).toContain('About body.')
    expect(out).not.toContain(SECRET)
    expect(out).not.toMatch(/id_rsa|leak/)
    expect(r.stdout + r.stderr).not.toContain(SECRET)
    expect((await bdsInProcess(['build', root, '--strict'], repoRoot)).status).toBe(1)
  })
})

describe('source files that are links out of the site', () => {
  it('are skipped one by one; links inside the site are followed', async () => {
    const home = secrets()
    const root = inlineSite(
      `-- bds.config.json --\n${CONFIG}\n-- posts/ok.md --\n${POST('Fine')}-- notes/public.txt --\npublic words\n-- shared/more.md --\n${POST('Shared')}-- static/robots.txt --\nUser-agent: *\n`,
    )
    mkdirSync(join(root, 'templates/assets'), { recursive: true })
    mkdirSync(join(root, 'scripts'))
    mkdirSync(join(root, 'media'))
    symlinkSync(join(home, 'notes/leak.md'), join(root, 'posts/leak.md'))
    symlinkSync(join(home, 'ssh/id_rsa'), join(root, 'static/key.txt'))
    symlinkSync(join(home, 'ssh/id_rsa'), join(root, 'media/photo.png'))
    symlinkSync(join(home, 'ssh/assets/leak.css'), join(root, 'templates/assets/leak.css'))
    symlinkSync(join(home, 'ssh/post.liquid'), join(root, 'templates/post.liquid'))
    symlinkSync(join(home, 'py/leak.py'), join(root, 'scripts/leak.py'))
    symlinkSync(join(root, 'notes/public.txt'), join(root, 'static/alias.txt'))
    symlinkSync(join(root, 'shared'), join(root, 'posts/shared'))
    const r = await bdsInProcess(['build', root], repoRoot)
    expect(r.status, r.stderr).toBe(0)
    const skipped = codes(r.stderr).map((m) => (m[2] as string).split(' ')[0])
    expect(skipped.sort()).toEqual([
      'media/photo.png',
      'posts/leak.md',
      'scripts/leak.py',
      'static/key.txt',
      'templates/assets/leak.css',
      'templates/post.liquid',
    ])
    const out = published(root)
    expect(out).not.toContain(SECRET)
    expect(out).toContain('public words')
    expect(out).toContain('Shared body.')
    expect(out).toContain('Fine body.')
    expect(r.stdout + r.stderr).not.toContain(SECRET)
  })

  it('reports links that lead nowhere or back into their own folder, and still builds', async () => {
    const root = inlineSite(`-- bds.config.json --\n${CONFIG}\n-- posts/ok.md --\n${POST('Fine')}`)
    symlinkSync(join(root, 'posts'), join(root, 'posts/loop'))
    symlinkSync(root, join(root, 'posts/up'))
    symlinkSync(join(root, 'nowhere'), join(root, 'posts/dead.md'))
    const r = await bdsInProcess(['build', root], repoRoot)
    expect(r.status, r.stderr).toBe(0)
    const found = codes(r.stderr).map((m) => [m[1], (m[2] as string).split(' ')[0]])
    expect(found.sort()).toEqual([
      ['BDS_SOURCE_LINK', 'posts/dead.md'],
      ['BDS_SOURCE_LINK', 'posts/loop'],
      ['BDS_SOURCE_LINK', 'posts/up'],
    ])
    expect(published(root)).toContain('Fine body.')
  })
})

describe('allowOutside', () => {
  it('follows links into the folders it lists, and only those', async () => {
    const home = secrets()
    const config = JSON.stringify({
      title: 'Mine',
      url: 'https://example.com',
      allowOutside: [join(home, 'ssh')],
    })
    const root = inlineSite(`-- bds.config.json --\n${config}\n-- posts/ok.md --\n${POST('Fine')}`)
    symlinkSync(join(home, 'ssh'), join(root, 'static'))
    symlinkSync(join(home, 'notes'), join(root, 'pages'))
    const r = await bdsInProcess(['build', root], repoRoot)
    expect(r.status, r.stderr).toBe(0)
    expect(listFiles(join(root, 'dist'))).toContain('id_rsa')
    expect(codes(r.stderr).map((m) => (m[2] as string).split(' ')[0])).toEqual(['pages'])
  })

  it('takes paths relative to the site', async () => {
    const home = secrets()
    const root = join(home, 'site')
    mkdirSync(join(root, 'posts'), { recursive: true })
    writeFileSync(join(root, 'posts/ok.md'), POST('Fine'))
    writeFileSync(join(root, 'bds.config.json'), JSON.stringify({ allowOutside: ['../notes'] }))
    symlinkSync(join(home, 'notes'), join(root, 'pages'))
    const r = await bdsInProcess(['build', root], repoRoot)
    expect(r.status, r.stderr).toBe(0)
    expect(codes(r.stderr)).toEqual([])
    expect(published(root)).toContain(SECRET)
  })
})

describe('a config file that is a link out of the site', () => {
  it('is not read: an error, and none of its text is printed', async () => {
    const home = secrets()
    const root = inlineSite(`-- posts/ok.md --\n${POST('Fine')}`)
    symlinkSync(join(home, 'ssh/id_rsa'), join(root, 'bds.config.json'))
    const r = await bdsInProcess(['build', root], repoRoot)
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('BDS_SOURCE_OUTSIDE')
    expect(r.stderr).toContain('bds.config.json is a symbolic link to')
    expect(r.stdout + r.stderr).not.toContain(SECRET)
  })
})
