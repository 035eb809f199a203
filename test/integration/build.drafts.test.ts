// Drafts and future posts never reach a deploy by accident (issue 14, item 4): posts dated
// after the build's clock (injected) are held back with a note unless --future, and a build
// at or after their date publishes them; `build --drafts` says loudly that its output holds
// drafts, which the theme marks; `watch --drafts` writes into .bds/preview/, never dist/.

import { existsSync, readFileSync } from 'node:fs'
import { get } from 'node:http'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { build } from '../../dist/index.js'
import { watch } from '../../dist/watch/index.js'
import { bdsInProcess } from '../helpers/cli.js'
import { inlineSite, listFiles, DATED_SITE as SITE } from '../helpers/site.js'

const clock = (iso: string) => () => new Date(iso)
const read = (out: string, file: string) => readFileSync(join(out, file), 'utf8')

describe('posts dated in the future', () => {
  it('are held back with a note, not a warning, and --future builds them', async () => {
    const root = inlineSite(SITE)
    const report = await build({ root, strict: true }, { now: clock('2025-01-01T00:00:00Z') })
    expect(report.diagnostics).toEqual([])
    expect(report.future).toBe(1)
    expect(report.notes.join('\n')).toContain(
      '1 post is dated in the future and not built; the next is due 2025-06-01T12:00:00.000Z',
    )
    const out = join(root, 'dist')
    expect(existsSync(join(out, '2025/06/01/soon/index.html'))).toBe(false)
    expect(read(out, 'rss.xml')).not.toContain('Soon')
    expect(read(out, 'sitemap.xml')).not.toContain('/soon/')
    const all = await build({ root, future: true }, { now: clock('2025-01-01T00:00:00Z') })
    expect(all.future).toBe(0)
    expect(read(out, '2025/06/01/soon/index.html')).toContain('Scheduled.')
  })

  it('come out with the first build at or after their date, though no file changed', async () => {
    const root = inlineSite(SITE)
    await build({ root }, { now: clock('2025-01-01T00:00:00Z') })
    const same = await build({ root }, { now: clock('2025-06-01T11:59:00Z') })
    expect(same.upToDate).toBe(true)
    expect(same.future).toBe(1)
    const due = await build({ root }, { now: clock('2025-06-01T12:00:00Z') })
    expect(due.upToDate).toBe(false)
    expect(due.future).toBe(0)
    expect(existsSync(join(root, 'dist/2025/06/01/soon/index.html'))).toBe(true)
  })
})

describe('drafts', () => {
  it('build --drafts says loudly that the output holds drafts, and the theme marks them', async () => {
    const root = inlineSite(SITE)
    const r = await bdsInProcess(['build', root, '--drafts', '--future', '--json', '-'], root)
    expect(r.status, r.stderr).toBe(0)
    expect(r.stderr).toContain(
      'warning: the output contains 1 draft (--drafts), in its pages, feeds and sitemap; do not deploy it.',
    )
    expect(JSON.parse(r.stdout)).toMatchObject({ drafts: 1, future: 0 })
    const page = read(join(root, 'dist'), '2024/04/01/idea/index.html')
    expect(page).toContain('<article class="post post-draft">')
    expect(page).toContain('<p class="draft-label">Draft</p>')
    expect(read(join(root, 'dist'), 'index.html')).toContain(
      '<article class="post-summary post-draft">',
    )
    const plain = await bdsInProcess(['build', root, '--json', '-'], root)
    expect(plain.stderr).not.toContain('drafts')
    expect(JSON.parse(plain.stdout)).toMatchObject({ drafts: 0 })
    expect(read(join(root, 'dist'), '2024/05/01/past/index.html')).not.toContain('draft')
  })

  it('watch --drafts previews them from .bds/preview/ and never writes the output folder', async () => {
    const root = inlineSite(SITE)
    const watching = await watch(
      { root, drafts: true },
      { port: 0, deps: { now: clock('2025-01-01T00:00:00Z') } },
    )
    try {
      const page = await fetchText(`${watching.url}2024/04/01/idea/`)
      expect(page).toContain('<p class="draft-label">Draft</p>')
      expect(existsSync(join(root, 'dist'))).toBe(false)
      expect(listFiles(join(root, '.bds/preview'))).toContain('2024/04/01/idea/index.html')
    } finally {
      await watching.close()
    }
  })
})

function fetchText(url: string): Promise<string> {
  return new Promise((done, fail) => {
    get(url, (res) => {
      let body = ''
      res.on('data', (chunk) => {
        body += chunk
      })
      res.on('end', () => done(body))
    }).on('error', fail)
  })
}
