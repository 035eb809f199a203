// Build cache benchmark (#16) on the corpus with 5 Python macro calls per post: a cold build
// without the cache and with an empty one; then, as CI does it, a fresh clone at another path
// with .bds/ restored, built into an empty folder — nothing changed (against the time of
// writing the same files), one post edited, one macro script edited, one template edited —
// with what the report says came from the cache and whether Python started. Every run of a case starts from the
// same .bds/ (the one the case before left), so a run never replays the run before it.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateCorpus } from './corpus.js'
import { flushDisk, median, rmrf, run } from './proc.js'
import { addMacros } from './python.js'

type Counts = { cached: number; computed: number }
interface Report {
  cache?: { pages: Counts; markdown: Counts; macros: Counts; search?: Counts }
  python?: { calls: number; startMs: number }
  outputs: { total: number }
}

export interface CacheCase {
  name: string
  ms: number
  cache?: Report['cache']
  /** Python calls run; 0 and `pythonStarted: false` when no pool started. */
  pythonCalls: number
  pythonStarted: boolean
}

export interface CacheBenchResult {
  posts: number
  runs: number
  coldNoCacheMs: number
  coldEmptyCacheMs: number
  /** Writing the same output files into an empty folder (a node process: start, read, write). */
  writeFilesMs: number
  cases: CacheCase[]
}

async function build(bin: string, site: string, env: NodeJS.ProcessEnv, extra: string[] = []) {
  const out = mkdtempSync(join(tmpdir(), 'bds-bench-cache-out-'))
  const report = join(out, 'report.json')
  const args = [bin, 'build', site, '--out', join(out, 'dist'), '--json', report, '--quiet']
  flushDisk()
  const r = await run(process.execPath, [...args, ...extra], { env })
  if (r.code !== 0) throw new Error(`bds build failed: ${r.output}`)
  const json = JSON.parse(readFileSync(report, 'utf8')) as Report
  return { ms: r.ms, report: json, out: join(out, 'dist'), cleanUp: () => rmrf(out) }
}

/** A node process that writes the files of `from` into a new empty folder. */
const COPY = `const fs=require('fs'),p=require('path');const [a,b]=process.argv.slice(1);
for(const f of fs.readdirSync(a,{recursive:true})){const s=p.join(a,f);if(!fs.statSync(s).isFile())continue;
const d=p.join(b,f);fs.mkdirSync(p.dirname(d),{recursive:true});fs.writeFileSync(d,fs.readFileSync(s))}`

async function writeFiles(from: string): Promise<number> {
  const to = mkdtempSync(join(tmpdir(), 'bds-bench-cache-copy-'))
  const r = await run(process.execPath, ['-e', COPY, from, join(to, 'out')])
  await rmrf(to)
  if (r.code !== 0) throw new Error(`copy failed: ${r.output}`)
  return r.ms
}

/**
 * Copies a folder as `actions/cache` saves and restores one: through `tar --posix`, which
 * keeps file times to the nanosecond (the build cache trusts a stored page by size and mtime).
 */
function copyDir(from: string, to: string): void {
  mkdirSync(to, { recursive: true })
  const archive = `${to}.tar`
  execFileSync('tar', ['--posix', '-cf', archive, '-C', from, '.'])
  execFileSync('tar', ['-xf', archive, '-C', to])
  rmSync(archive)
}

/** Removes the build cache of `.bds/` (its other files stay, as after `bds cache clean`). */
const forget = (dir: string) => {
  for (const f of ['cache.db', 'cache.db-wal', 'cache.db-shm', 'pages'])
    rmSync(join(dir, f), { force: true, recursive: true })
}

function edit(path: string, change: (text: string) => string): void {
  const before = readFileSync(path, 'utf8')
  const after = change(before)
  if (after === before) throw new Error(`the edit did not apply to ${path}`)
  writeFileSync(path, after)
}

export async function benchCache(o: {
  bdsBin: string
  posts: number
  runs: number
}): Promise<CacheBenchResult> {
  const root = mkdtempSync(join(tmpdir(), 'bds-bench-cache-'))
  const env = { ...process.env, BDS_CACHE_DIR: join(root, 'pyodide'), TZ: 'UTC' }
  try {
    const site = join(root, 'site')
    await generateCorpus(site, o.posts)
    await addMacros(site)
    // Untimed: the Pyodide snapshot and the script index exist before the first measured run.
    await (await build(o.bdsBin, site, env, ['--no-cache'])).cleanUp()
    const noCache: number[] = []
    const empty: number[] = []
    // Every output stays until the pairs are done: a build that follows the removal of
    // thousands of files pays for it (ext4 skips inodes freed in the last minute), and it
    // would be the cold build with the cache that follows more of them.
    const outputs: Awaited<ReturnType<typeof build>>[] = []
    for (let i = 0; i < o.runs; i++) {
      const plain = await build(o.bdsBin, site, env, ['--no-cache'])
      noCache.push(plain.ms)
      forget(join(site, '.bds'))
      const cached = await build(o.bdsBin, site, env)
      empty.push(cached.ms)
      outputs.push(plain, cached)
    }
    const writes: number[] = []
    for (let i = 0; i < o.runs; i++) writes.push(await writeFiles(outputs[0]?.out as string))
    for (const out of outputs) await out.cleanUp()
    // CI: another clone at another path, .bds/ restored from the last run, an empty output.
    const clone = join(root, 'clone', 'of', 'site')
    copyDir(site, clone)
    const bds = join(clone, '.bds')
    const saved = join(root, 'saved-bds')
    const cases: CacheCase[] = []
    const measure = async (name: string, before?: () => void) => {
      before?.()
      rmSync(saved, { recursive: true, force: true })
      copyDir(bds, saved)
      const times: number[] = []
      let report: Report | undefined
      for (let i = 0; i < o.runs; i++) {
        rmSync(bds, { recursive: true, force: true })
        copyDir(saved, bds)
        const b = await build(o.bdsBin, clone, env)
        times.push(b.ms)
        report ??= b.report
        await b.cleanUp()
      }
      const r = report as Report
      const pythonCalls = r.python?.calls ?? 0
      cases.push({
        name,
        ms: median(times),
        cache: r.cache,
        pythonCalls,
        pythonStarted: !!r.python,
      })
    }
    await measure('nothing changed')
    const posts = (await readdir(join(clone, 'posts'), { recursive: true })).filter((f) =>
      f.endsWith('.md'),
    )
    const one = join(clone, 'posts', posts.sort()[Math.floor(posts.length / 2)] as string)
    await measure('one post edited (body)', () =>
      edit(one, (t) => t.replace(/\n\n\[\[shout/, '\n\nAn edited line.\n\n[[shout')),
    )
    await measure('one post retitled', () =>
      edit(one, (t) => t.replace(/^title: "/m, 'title: "Retitled ')),
    )
    await measure('one script edited (stars)', () =>
      edit(join(clone, 'scripts/stars.py'), (t) => t.replace('"★" * n', '"☆" * n')),
    )
    await measure('one template edited (footer)', () => {
      const footer = fileURLToPath(new URL('../templates/partials/footer.liquid', import.meta.url))
      mkdirSync(join(clone, 'templates/partials'), { recursive: true })
      writeFileSync(join(clone, 'templates/partials/footer.liquid'), readFileSync(footer, 'utf8'))
      edit(join(clone, 'templates/partials/footer.liquid'), (t) => `${t}<!-- edited -->\n`)
    })
    return {
      posts: o.posts,
      runs: o.runs,
      coldNoCacheMs: median(noCache),
      coldEmptyCacheMs: median(empty),
      writeFilesMs: median(writes),
      cases,
    }
  } finally {
    await rmrf(root)
  }
}

export function cacheTable(r: CacheBenchResult): string {
  const f = (n: number) => `${n.toFixed(0)} ms`.padStart(9)
  const pct = (r.coldEmptyCacheMs / r.coldNoCacheMs - 1) * 100
  const more = (n: number, unit: string, than: string) =>
    `${Math.abs(n).toFixed(unit === '%' ? 1 : 0)} ${unit} ${n < 0 ? 'less' : 'more'} ${than}`
  const counts = (c?: Counts) => (c ? `${c.computed} computed / ${c.cached} cached` : '—')
  const lines = [
    `build cache: ${r.posts} posts × 5 Python macro calls (medians of ${r.runs} runs)`,
    `  cold, --no-cache                  ${f(r.coldNoCacheMs)}`,
    `  cold, empty cache                 ${f(r.coldEmptyCacheMs)}  (${more(pct, '%', 'than without')}; target ≤ 5 % more)`,
    `  writing the same files            ${f(r.writeFilesMs)}  (a node process writing the output into an empty folder)`,
    '  a clone at another path, .bds/ restored, an empty output folder:',
  ]
  for (const c of r.cases) {
    const over =
      c.name === 'nothing changed'
        ? ` (${more(c.ms - r.writeFilesMs, 'ms', 'than writing the files')}; target ≤ 300 ms more)`
        : ''
    lines.push(
      `    ${c.name.padEnd(28)}${f(c.ms)}${over}`,
      `      pages ${counts(c.cache?.pages)} · markdown ${counts(c.cache?.markdown)} · macros ${counts(c.cache?.macros)} · search ${counts(c.cache?.search)} · Python ${c.pythonStarted ? `started, ${c.pythonCalls} calls` : 'not started'}`,
    )
  }
  return lines.join('\n')
}
