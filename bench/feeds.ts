// Feeds, taxonomies, nav and data files on the largest corpus: cold builds with each on (JSON
// Feed, archive feeds, a taxonomy, nav, data files, all) against all off, interleaved run by
// run; and, in process, resolving the links of every excerpt (lists) and body (feeds).
import { existsSync } from 'node:fs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { BDS_CONFIG, generateCorpus } from './corpus.js'
import { median, run } from './proc.js'
import type { BdsReport } from './types.js'

const GNU_TIME = '/usr/bin/time'

/** User + system seconds that GNU time wrote, in ms (NaN without it). */
async function cpuOf(file: string): Promise<number> {
  const [user, sys] = (await readFile(file, 'utf8').catch(() => ''))
    .trim()
    .split('\n')
    .at(-1)
    ?.split(' ')
    .map(Number) ?? [Number.NaN, Number.NaN]
  return ((user ?? Number.NaN) + (sys ?? Number.NaN)) * 1000
}

interface Variant {
  name: string
  /** Config keys over the base config (which has JSON Feed off). */
  config: Record<string, unknown>
  data?: boolean
}

const nav = ['about', 'contact', 'now', 'uses', 'imprint', 'privacy'].map((page) => ({ page }))
const VARIANTS: Variant[] = [
  { name: 'base (all off)', config: {} },
  { name: 'JSON Feed', config: { feeds: { json: true } } },
  {
    name: 'tag + category feeds',
    config: { feeds: { json: false, tags: true, categories: true } },
  },
  { name: 'series taxonomy', config: { taxonomies: { series: {} } } },
  { name: 'series + its feeds', config: { taxonomies: { series: { feeds: true } } } },
  { name: 'nav list', config: { nav } },
  { name: 'data files', config: {}, data: true },
  {
    name: 'all on',
    config: {
      feeds: { tags: true, categories: true },
      taxonomies: { series: { feeds: true } },
      nav,
    },
    data: true,
  },
]

export interface FeedsRow {
  name: string
  /** Median wall time. */
  medianMs: number
  /** Median CPU time (user + system, all threads) of the build: steadier on a busy machine. */
  cpuMs: number
  /** Median CPU time minus the base variant's. */
  deltaMs: number
  files: number
  /** Median time of the generated step (feeds, sitemap) and of the pages step. */
  generatedMs: number
  pagesMs: number
}

export interface FeedsResult {
  posts: number
  runs: number
  rows: FeedsRow[]
  /** In-process: resolveLinks over every excerpt (lists) and every body (feeds), ms. */
  excerptLinksMs: number
  feedLinksMs: number
}

const FOOTER = `<footer class="site-footer"><ul>{% for l in site.data.links %}<li><a href="{{ l.url }}">{{ l.title }}</a></li>{% endfor %}</ul><p>{{ site.data.authors.size }} authors</p></footer>`

async function prepare(site: string, n: number): Promise<void> {
  const posts = await generateCorpus(site, n)
  // Every post names a series (ignored unless the taxonomy is configured): 40 series.
  for (const [i, p] of posts.entries()) {
    const file = join(
      site,
      'posts',
      String(p.date.getUTCFullYear()),
      String(p.date.getUTCMonth() + 1).padStart(2, '0'),
      `${p.slug}.md`,
    )
    const text = await readFile(file, 'utf8')
    await writeFile(file, text.replace('\n---\n', `\nseries: Series ${i % 40}\n---\n`))
  }
  await mkdir(join(site, 'pages'), { recursive: true })
  for (const [i, { page }] of nav.entries())
    await writeFile(
      join(site, 'pages', `${page}.md`),
      `---\ntitle: ${page}\nnav_order: ${i}\n---\n\nA page.\n`,
    )
}

async function setData(site: string, on: boolean): Promise<void> {
  await rm(join(site, 'data'), { recursive: true, force: true })
  await rm(join(site, 'templates'), { recursive: true, force: true })
  if (!on) return
  await mkdir(join(site, 'data'), { recursive: true })
  await mkdir(join(site, 'templates/partials'), { recursive: true })
  const links = Array.from({ length: 500 }, (_, i) => ({
    title: `Link ${i}`,
    url: `https://l${i}.example/`,
  }))
  await writeFile(join(site, 'data/links.json'), JSON.stringify(links))
  const authors = Array.from(
    { length: 50 },
    (_, i) => `a${i}:\n  name: Author ${i}\n  since: 2019-01-0${(i % 9) + 1}\n`,
  )
  await writeFile(join(site, 'data/authors.yaml'), authors.join(''))
  await writeFile(join(site, 'templates/partials/footer.liquid'), FOOTER)
}

async function inProcess(site: string, repo: string) {
  const dist = (path: string) => import(pathToFileURL(join(repo, 'dist', path)).href)
  const { createMarkdown, renderBody } = await dist('render/index.js')
  const { resolveLinks } = await dist('util/html-links.js')
  const { readdir } = await import('node:fs/promises')
  const md = createMarkdown({ linkify: false, typographer: false })
  const files = (await readdir(join(site, 'posts'), { recursive: true })).filter((f) =>
    f.endsWith('.md'),
  )
  const bodies = await Promise.all(
    files.map(async (f) =>
      renderBody(md, (await readFile(join(site, 'posts', f), 'utf8')).split('\n---\n')[1] ?? ''),
    ),
  )
  const time = (fn: () => void) => {
    const times: number[] = []
    for (let i = 0; i < 5; i++) {
      const t = performance.now()
      fn()
      times.push(performance.now() - t)
    }
    return median(times)
  }
  const url = (i: number) => `/2024/01/01/post-${i}/`
  // The lengths are summed so the work cannot be skipped.
  let chars = 0
  const excerptLinksMs = time(() => {
    for (const [i, b] of bodies.entries()) chars += resolveLinks(b.excerpt, url(i)).length
  })
  const feedLinksMs = time(() => {
    for (const [i, b] of bodies.entries())
      chars += resolveLinks(b.html, `https://bench.example${url(i)}`).length
  })
  if (chars === 0) throw new Error('no HTML was resolved')
  return { excerptLinksMs, feedLinksMs }
}

export async function benchFeeds(
  root: string,
  n: number,
  runs: number,
  bdsBin: string,
  repo: string,
): Promise<FeedsResult> {
  const site = join(root, `feeds-${n}`)
  await prepare(site, n)
  type Samples = {
    ms: number[]
    cpu: number[]
    generated: number[]
    pages: number[]
    files: number
  }
  const samples = new Map<string, Samples>()
  const timed = existsSync(GNU_TIME)
  for (let r = 1; r <= runs; r++) {
    for (const v of VARIANTS) {
      const config = { ...BDS_CONFIG, feeds: { json: false }, ...v.config }
      await writeFile(join(site, 'bds.config.json'), JSON.stringify(config))
      await setData(site, v.data ?? false)
      await rm(join(site, '.bds'), { recursive: true, force: true })
      const out = join(root, `feeds-out-${r}-${samples.size}`)
      const report = join(root, 'feeds-report.json')
      const cpuFile = join(root, 'feeds-cpu.txt')
      const build = [bdsBin, 'build', site, '--out', out, '--json', report, '--quiet']
      const res = timed
        ? await run(GNU_TIME, ['-f', '%U %S', '-o', cpuFile, process.execPath, ...build])
        : await run(process.execPath, build)
      if (res.code !== 0)
        throw new Error(`${v.name}: build failed (${res.code}): ${res.output.slice(-300)}`)
      const json = JSON.parse(await readFile(report, 'utf8')) as BdsReport
      const step = (name: string) => json.steps.find((s) => s.name === name)?.ms ?? 0
      const s = samples.get(v.name) ?? { ms: [], cpu: [], generated: [], pages: [], files: 0 }
      s.ms.push(res.ms)
      s.cpu.push(timed ? await cpuOf(cpuFile) : res.ms)
      s.generated.push(step('generated'))
      s.pages.push(step('pages'))
      s.files = json.outputs.total
      samples.set(v.name, s)
      await rm(out, { recursive: true, force: true })
      const cpu = (s.cpu.at(-1) ?? 0).toFixed(0)
      console.error(
        `[feeds ${n}] run ${r}/${runs} ${v.name}: ${res.ms.toFixed(0)} ms wall, ${cpu} ms CPU`,
      )
    }
  }
  const base = median(samples.get(VARIANTS[0]?.name ?? '')?.cpu ?? [])
  const rows = VARIANTS.map((v) => {
    const s = samples.get(v.name) ?? { ms: [], cpu: [], generated: [], pages: [], files: 0 }
    const cpuMs = median(s.cpu)
    return {
      name: v.name,
      medianMs: median(s.ms),
      cpuMs,
      deltaMs: cpuMs - base,
      files: s.files,
      generatedMs: median(s.generated),
      pagesMs: median(s.pages),
    }
  })
  return { posts: n, runs, rows, ...(await inProcess(site, repo)) }
}

export function feedsTable(r: FeedsResult): string {
  const head = `feeds, taxonomies, nav, data files: cold builds of ${r.posts} posts, median of ${r.runs}; CPU time (user + system) and its difference from all off`
  const base = r.rows[0]?.cpuMs || 1
  const lines = r.rows.map((row) => {
    const pct = (100 * row.deltaMs) / base
    const sign = (x: number) => (x >= 0 ? '+' : '')
    const delta = row.name.startsWith('base')
      ? ''
      : `${sign(row.deltaMs)}${row.deltaMs.toFixed(0)} ms (${sign(pct)}${pct.toFixed(1)} %)`
    return `  ${row.name.padEnd(22)} CPU ${row.cpuMs.toFixed(0).padStart(6)} ms  ${delta.padEnd(22)} wall ${row.medianMs.toFixed(0).padStart(6)} ms  files ${String(row.files).padStart(6)}  generated ${row.generatedMs.toFixed(0).padStart(5)} ms  pages ${row.pagesMs.toFixed(0).padStart(5)} ms`
  })
  return [
    head,
    ...lines,
    `  in process, over every post: excerpt links resolved ${r.excerptLinksMs.toFixed(1)} ms, feed content made absolute ${r.feedLinksMs.toFixed(1)} ms`,
  ].join('\n')
}
