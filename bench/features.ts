// Feature costs on the N-post corpus: cold builds (no .bds, new output folder) with highlighting
// and search on and off, interleaved run by run; then 100 photos (2400×1600 JPEG, one in each
// of 100 posts): the first build (every variant made), a build with the variants cached in
// .bds/images, and the same with `images.sizes: false` (sizes only). Medians of wall times.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import { BDS_CONFIG, generateCorpus, type Post, postFile, postPath } from './corpus.js'
import { median, run } from './proc.js'
import type { BdsReport } from './types.js'

export interface FeaturesResult {
  posts: number
  /** Median wall ms per variant of the site config. */
  coldMs: Record<string, number>
  /** Median ms of the report's search step (Pagefind index, all trees) in the default build. */
  searchIndexMs: number
  photos: { firstMs: number; cachedMs: number; sizesOffMs: number; imagesStepFirstMs: number }
}

const log = (msg: string): void => void console.error(msg)

async function photo(i: number): Promise<Buffer> {
  const w = 2400
  const h = 1600
  const raw = Buffer.alloc(w * h * 3)
  let seed = i * 7919 + 1
  for (let p = 0; p < raw.length; p += 3) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    const x = (p / 3) % w
    const y = Math.floor(p / 3 / w)
    const n = seed % 24
    raw[p] = ((x * 255) / w + n + i * 9) & 255
    raw[p + 1] = ((y * 255) / h + n) & 255
    raw[p + 2] = (((x + y) * 128) / w + n * 2) & 255
  }
  return sharp(raw, { raw: { width: w, height: h, channels: 3 } })
    .jpeg({ quality: 85 })
    .toBuffer()
}

async function build(
  site: string,
  out: string,
  report: string,
): Promise<{ ms: number; r?: BdsReport }> {
  const bin = join(import.meta.dirname, '../bin/bds.js')
  const args = [bin, 'build', site, '--out', out, '--json', report, '--quiet']
  const res = await run(process.execPath, args, { env: { ...process.env, TZ: 'UTC' } })
  if (res.code !== 0) log(`build failed: ${res.output.slice(-300)}`)
  const r = JSON.parse(await readFile(report, 'utf8').catch(() => '{}')) as BdsReport
  return { ms: res.ms, r }
}

const config = (site: string, extra: object) =>
  writeFile(join(site, 'bds.config.json'), JSON.stringify({ ...BDS_CONFIG, ...extra }))

export async function benchFeatures(
  root: string,
  n: number,
  runs: number,
): Promise<FeaturesResult> {
  const site = join(root, `features-${n}`)
  const posts: Post[] = await generateCorpus(site, n)
  const variants: Record<string, object> = {
    default: {},
    'no highlight': { markdown: { highlight: false } },
    'no search': { search: false },
    neither: { markdown: { highlight: false }, search: false },
  }
  const times: Record<string, number[]> = {}
  const search: number[] = []
  let k = 0
  for (let r = 1; r <= runs; r++)
    for (const [name, extra] of Object.entries(variants)) {
      await config(site, extra)
      await rm(join(site, '.bds'), { recursive: true, force: true })
      const b = await build(site, join(root, `f-out-${k++}`), join(root, `f-${k}.json`))
      times[name] = [...(times[name] ?? []), b.ms]
      if (name === 'default')
        search.push(b.r?.steps.find((s) => s.name === 'search')?.ms ?? Number.NaN)
      log(`[features ${n}] run ${r}/${runs} ${name} ${b.ms.toFixed(0)} ms`)
    }
  log(`[features ${n}] making 100 photos`)
  await mkdir(join(site, 'media/photos'), { recursive: true })
  for (let i = 0; i < 100; i++) {
    const name = `p${String(i).padStart(3, '0')}.jpg`
    await writeFile(join(site, 'media/photos', name), await photo(i))
    const post = posts[i] as Post
    const file = join(site, 'posts', postPath(post))
    await writeFile(file, `${postFile(post)}\n![Photo ${i}](/media/photos/${name})\n`)
  }
  const first: number[] = []
  const step: number[] = []
  const cached: number[] = []
  const off: number[] = []
  for (let r = 1; r <= runs; r++) {
    await config(site, {})
    await rm(join(site, '.bds'), { recursive: true, force: true })
    const a = await build(site, join(root, `f-out-${k++}`), join(root, `f-${k}.json`))
    first.push(a.ms)
    step.push(a.r?.steps.find((s) => s.name === 'images')?.ms ?? Number.NaN)
    await rm(join(site, '.bds/build.db'), { force: true })
    const b = await build(site, join(root, `f-out-${k++}`), join(root, `f-${k}.json`))
    cached.push(b.ms)
    await config(site, { images: { sizes: false } })
    await rm(join(site, '.bds/build.db'), { force: true })
    const c = await build(site, join(root, `f-out-${k++}`), join(root, `f-${k}.json`))
    off.push(c.ms)
    log(
      `[features ${n}] photos run ${r}: first ${a.ms.toFixed(0)}, cached ${b.ms.toFixed(0)}, sizes off ${c.ms.toFixed(0)} ms`,
    )
  }
  const coldMs = Object.fromEntries(Object.entries(times).map(([k2, v]) => [k2, median(v)]))
  const photos = {
    firstMs: median(first),
    cachedMs: median(cached),
    sizesOffMs: median(off),
    imagesStepFirstMs: median(step),
  }
  return { posts: n, coldMs, searchIndexMs: median(search), photos }
}

export function featuresTable(r: FeaturesResult): string {
  const base = r.coldMs.default ?? Number.NaN
  const pct = (ms: number, of: number) => `${(((ms - of) / of) * 100).toFixed(1)} %`
  const p = r.photos
  return [
    `features: cold builds of ${r.posts} posts (median wall ms)`,
    ...Object.entries(r.coldMs).map(
      ([k, ms]) => `  ${k.padEnd(14)} ${ms.toFixed(0).padStart(8)} ms`,
    ),
    `  highlighting costs ${pct(base, r.coldMs['no highlight'] ?? Number.NaN)} of the build without it`,
    `  search costs ${pct(base, r.coldMs['no search'] ?? Number.NaN)}; its index step takes ${r.searchIndexMs.toFixed(0)} ms (beside the pages)`,
    `  100 photos, first build ${p.firstMs.toFixed(0)} ms (images step ${p.imagesStepFirstMs.toFixed(0)} ms)`,
    `  100 photos, variants cached ${p.cachedMs.toFixed(0)} ms; sizes off ${p.sizesOffMs.toFixed(0)} ms (${pct(p.cachedMs, p.sizesOffMs)})`,
  ].join('\n')
}
