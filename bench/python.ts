// Python runtime benchmark: worker start with and without the memory snapshot, the cost of a
// call inside a batch, and cold builds of the corpus with 5 Python macro tokens per post
// against the same corpus without them.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { mkdir, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createPythonHost, type ScriptSource } from '../src/python/index.js'
import { generateCorpus } from './corpus.js'
import { median, rmrf, run } from './proc.js'

export interface PythonBenchResult {
  startMs: { snapshot1: number; snapshot2: number; plain1: number; plain2: number }
  /** Wall time per call inside batches of 100 (host → worker → host), ms. */
  perCallMs: { p50: number; p95: number }
  /** Python time per call as the worker measured it, ms. */
  workerCallMs: { p50: number; p95: number }
  builds: {
    posts: number
    plainMs: number
    macrosMs: number
    addedMs: number
    poolStartMs: number
    calls: number
  }[]
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? 0
}

const MACROS: Record<string, string> = {
  shout:
    'def render(context, post):\n    return "<strong>" + str(context["params"].get("text", "")).upper() + "</strong>"\n',
  byline:
    'import html\ndef render(context, post):\n    return {"html": "<p>" + html.escape(post["title"]) + "</p>"}\n',
  tags: 'def render(context, post):\n    return " ".join("#" + t for t in post["tags"])\n',
  total: 'import bds\ndef render(context):\n    return f"{len(bds.posts())} posts"\n',
  stars: 'def render(context, post):\n    n = context["params"].get("n", 3)\n    return "★" * n\n',
}

async function startTimes(cacheDir: string, runs: number) {
  const once = async (workers: number, snapshot: boolean) => {
    const host = createPythonHost({
      workers,
      timeoutMs: 10_000,
      memoryMiB: 512,
      cacheDir,
      snapshot,
    })
    const t0 = performance.now()
    await host.start()
    const ms = performance.now() - t0
    await host.stop()
    return ms
  }
  await once(1, true) // makes the snapshot if it is missing
  const times = async (workers: number, snapshot: boolean) => {
    const xs: number[] = []
    for (let i = 0; i < runs; i++) xs.push(await once(workers, snapshot))
    return median(xs)
  }
  return {
    snapshot1: await times(1, true),
    snapshot2: await times(2, true),
    plain1: await times(1, false),
    plain2: await times(2, false),
  }
}

async function callCosts(cacheDir: string) {
  const host = createPythonHost({ workers: 2, timeoutMs: 10_000, memoryMiB: 512, cacheDir })
  await host.start()
  const source =
    'def render(context, post):\n    return "<b>" + str(context["params"]["i"]) + "</b>"\n'
  const script: ScriptSource = {
    id: 'tiny',
    slug: 'tiny',
    file: 'scripts/tiny.py',
    source,
    hash: 'h',
    entrypoint: 'render',
  }
  const perCall: number[] = []
  for (let b = 0; b < 60; b++) {
    const calls = Array.from({ length: 100 }, (_, i) => ({
      script,
      args: [{ params: { i: b * 100 + i } }, null],
    }))
    const t0 = performance.now()
    await host.run(calls)
    if (b >= 10) perCall.push((performance.now() - t0) / 100) // the first batches warm up
  }
  const timing = host.counters().byScript.tiny
  await host.stop()
  return {
    perCallMs: { p50: pct(perCall, 50), p95: pct(perCall, 95) },
    workerCallMs: { p50: timing?.p50Ms ?? 0, p95: timing?.p95Ms ?? 0 },
  }
}

async function addMacros(site: string): Promise<void> {
  await mkdir(join(site, 'scripts'), { recursive: true })
  for (const [slug, body] of Object.entries(MACROS)) {
    writeFileSync(
      join(site, 'scripts', `${slug}.py`),
      `"""\n---\nslug: "${slug}"\nkind: "macro"\nid: "${slug}"\ntitle: "${slug}"\nentrypoint: "render"\nenabled: true\nversion: 1\n---\n"""\n${body}`,
    )
  }
  const files = (await readdir(join(site, 'posts'), { recursive: true })).filter((f) =>
    f.endsWith('.md'),
  )
  for (const [i, f] of files.entries()) {
    const path = join(site, 'posts', f)
    const tokens = `\n\n[[shout text="post ${i}"]] [[byline]] [[tags]] [[total]] [[stars n=${(i % 5) + 1}]]\n`
    writeFileSync(path, readFileSync(path, 'utf8') + tokens)
  }
}

async function coldBuild(bin: string, site: string, env: NodeJS.ProcessEnv) {
  await rmrf(join(site, '.bds'))
  const out = mkdtempSync(join(tmpdir(), 'bds-bench-pyout-'))
  const report = join(out, 'report.json')
  const r = await run(
    process.execPath,
    [bin, 'build', site, '--out', join(out, 'dist'), '--json', report, '--quiet'],
    { env },
  )
  const json = JSON.parse(readFileSync(report, 'utf8')) as {
    python?: { startMs: number; calls: number }
  }
  await rmrf(out)
  if (r.code !== 0) throw new Error(`bds build failed: ${r.output}`)
  return { ms: r.ms, poolStartMs: json.python?.startMs ?? 0, calls: json.python?.calls ?? 0 }
}

export async function benchPython(o: {
  bdsBin: string
  sizes: number[]
  runs: number
}): Promise<PythonBenchResult> {
  const root = mkdtempSync(join(tmpdir(), 'bds-bench-python-'))
  const cacheDir = join(root, 'cache')
  const env = { ...process.env, BDS_CACHE_DIR: cacheDir }
  try {
    const startMs = await startTimes(cacheDir, o.runs)
    const costs = await callCosts(cacheDir)
    const builds: PythonBenchResult['builds'] = []
    for (const n of o.sizes) {
      const plain = join(root, `plain-${n}`)
      const macros = join(root, `macros-${n}`)
      await generateCorpus(plain, n)
      await generateCorpus(macros, n)
      await addMacros(macros)
      const p: number[] = []
      const m: { ms: number; poolStartMs: number; calls: number }[] = []
      for (let i = 0; i < o.runs; i++) {
        p.push((await coldBuild(o.bdsBin, plain, env)).ms)
        m.push(await coldBuild(o.bdsBin, macros, env))
      }
      const plainMs = median(p)
      const macrosMs = median(m.map((x) => x.ms))
      const poolStartMs = median(m.map((x) => x.poolStartMs))
      builds.push({
        posts: n,
        plainMs,
        macrosMs,
        addedMs: macrosMs - plainMs,
        poolStartMs,
        calls: m[0]?.calls ?? 0,
      })
    }
    return { startMs, ...costs, builds }
  } finally {
    await rmrf(root)
  }
}

export function pythonTable(r: PythonBenchResult): string {
  const f = (n: number) => n.toFixed(n < 1 ? 4 : 0).padStart(9)
  const lines = [
    'python runtime (medians)',
    `  pool start, snapshot: 1 worker ${f(r.startMs.snapshot1)} ms · 2 workers ${f(r.startMs.snapshot2)} ms`,
    `  pool start, plain:    1 worker ${f(r.startMs.plain1)} ms · 2 workers ${f(r.startMs.plain2)} ms`,
    `  per call in batches of 100 (wall): p50 ${(r.perCallMs.p50 * 1000).toFixed(1)} µs · p95 ${(r.perCallMs.p95 * 1000).toFixed(1)} µs`,
    `  per call inside the worker:        p50 ${(r.workerCallMs.p50 * 1000).toFixed(1)} µs · p95 ${(r.workerCallMs.p95 * 1000).toFixed(1)} µs`,
  ]
  for (const b of r.builds) {
    lines.push(
      `  ${String(b.posts).padStart(5)} posts × 5 macros (${b.calls} calls): ${f(b.macrosMs)} ms vs ${f(b.plainMs)} ms without → +${f(b.addedMs)} ms (pool start ${f(b.poolStartMs)} ms)`,
    )
  }
  return lines.join('\n')
}
