/// <reference lib="dom" />
// Live reload in a real browser (#8): Debian's chromium, driven by playwright-core, with a
// page of `bds watch` open. Edits on disk show up without reloading by hand; a CSS change is
// swapped in without a reload; broken front matter shows the overlay until it is fixed; the
// page reconnects to a restarted server and reloads; the search page finds a post in the
// second part of an index made in parts.

import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { type BrowserContext, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { copyFixture, repoRoot, tempDir } from '../helpers/site.js'
import { type Running, startWatch } from '../helpers/watch.js'

const POST = 'posts/2024/11/lentil-soup.md'
const chromiumPath = () =>
  execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim()

describe('live reload in chromium', () => {
  let root: string
  let watch: Running
  let browser: BrowserContext
  let page: Page
  const edit = (fn: (t: string) => string) =>
    writeFileSync(join(root, POST), fn(readFileSync(join(root, POST), 'utf8')))
  /** Marks the current document; a reload loses the mark. */
  const mark = () => page.evaluate(() => Object.assign(window, { bdsMark: true }))
  const marked = () => page.evaluate(() => 'bdsMark' in window)
  const connected = () =>
    page.waitForSelector('html[data-bds-live="connected"]', { state: 'attached' })

  beforeAll(async () => {
    root = copyFixture('sites/blog')
    // Parts of five posts: the searched post is in the second, which the page must merge.
    const config = JSON.parse(readFileSync(join(root, 'bds.config.json'), 'utf8'))
    const search = { partSize: 5 }
    writeFileSync(join(root, 'bds.config.json'), JSON.stringify({ ...config, search }))
    watch = await startWatch(root)
    browser = await chromium.launchPersistentContext(tempDir('bds-chromium-'), {
      executablePath: chromiumPath(),
      headless: true,
      args: ['--disable-background-networking', '--no-first-run', '--disable-sync'],
    })
    page = await browser.newPage()
    await page.goto(`${watch.url}2024/11/09/lentil-soup/`)
    await connected()
  })
  afterAll(async () => {
    await browser?.close()
    if (watch?.child.exitCode === null) await watch.stop()
  })

  it('shows an edit made on disk without a manual reload', async () => {
    await mark()
    edit((t) => t.replace('When the first properly cold week arrives', 'When the frost comes'))
    await page.waitForFunction(() => document.body.innerText.includes('When the frost comes'))
    expect(await marked()).toBe(false)
  })

  it('swaps a changed stylesheet without reloading', async () => {
    mkdirSync(join(root, 'templates/assets'), { recursive: true })
    await connected()
    await mark()
    const theme = readFileSync(join(repoRoot, 'templates/assets/bds.css'), 'utf8')
    const css = `${theme}\nbody { outline: 3px solid rgb(1, 2, 3) }\n`
    writeFileSync(join(root, 'templates/assets/bds.css'), css)
    await page.waitForFunction(
      () => getComputedStyle(document.body).outlineColor === 'rgb(1, 2, 3)',
    )
    expect(await marked()).toBe(true)
  })

  it('shows the error overlay for broken front matter and hides it after the fix', async () => {
    edit((t) => t.replace(/^date: (.*)$/m, 'date: [$1'))
    const overlay = page.locator('#bds-overlay')
    await overlay.waitFor({ state: 'visible' })
    const text = await overlay.innerText()
    expect(text).toContain('BDS_FRONTMATTER_YAML')
    expect(text).toMatch(/posts\/2024\/11\/lentil-soup\.md:\d+:\d+/)
    expect(await page.locator('h1').first().innerText()).toContain('Soup season')
    edit((t) => t.replace(/^date: \[(.*)$/m, 'date: $1'))
    await overlay.waitFor({ state: 'detached' })
  })

  // Issue 18: the Pagefind index bds build writes, searched from the header's box.
  it('finds a post from the search box, through the static Pagefind index', async () => {
    const search = await browser.newPage()
    await search.goto(watch.url)
    await search.fill('.site-search input[name="q"]', 'cumin')
    await search.press('.site-search input[name="q"]', 'Enter')
    await search.waitForURL(/\/search\/\?q=cumin$/)
    const parts = await search.locator('#search').getAttribute('data-parts')
    expect(parts?.split(' ')).toContain('/pagefind/part-2/')
    const hit = search.locator('.pagefind-ui__result-link').first()
    await hit.waitFor()
    expect(await hit.innerText()).toContain('Soup season')
    expect(await hit.getAttribute('href')).toBe('/2024/11/09/lentil-soup/')
    await search.close()
  })

  it('reconnects to a restarted server and reloads', async () => {
    await connected()
    await mark()
    const { port } = new URL(watch.url)
    expect(await watch.stop()).toBe(0)
    watch = await startWatch(root, ['--port', port])
    await page.waitForFunction(() => !('bdsMark' in window))
    await connected()
  })
})
