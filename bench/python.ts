// Python runtime benchmark: worker start with and without the memory snapshot, the cost of a
// call inside a batch, and cold builds of the corpus with 5 Python macro tokens per post
// against the same corpus without them.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { mkdir, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInProcessHost } from '../src/python/in-process.js'
import type { PythonHost, PythonHostOptions, ScriptSource } from '../src/python/index.js'
import { createSandboxHost } from '../src/python/sandbox/host.js'
import { generateCorpus } from './corpus.js'
import { flushDisk, median, rmrf, run } from './proc.js'

interface Runtime {
  startMs: { snapshot1: number; snapshot2: number; plain1: number; plain2: number }
  /** Round trip of one batch of 1, 10 and 100 calls, ms. */
  batchMs: Record<string, { p50: number; p95: number }>
  /** Wall time per call of a run of 800 calls (8 batches of 100 on 2 workers), ms. */
  perCallMs: { p50: number; p95: number }
  /** Python time per call as the worker measured it, ms. */
  workerCallMs: { p50: number; p95: number }
  /** Resident memory after the runs: the sandbox child, or this whole process in-process. */
  rssMb: number
}

export interface PythonBenchResult {
  inProcess: Runtime
  sandbox: Runtime
  builds: {
    posts: number
    plainMs: number
    /** The same corpus with 5 macro calls per post, in the sandbox (the default). */
    macrosMs: number
    addedMs: number
    /** The same, in-process (BDS_SANDBOX=off). */
    inProcessMs: number
    addedInProcessMs: number
    poolStartMs: number
    calls: number
    /** The macro step of the median sandboxed build, ms. */
    macroStepMs: number
    /** Where the calls' time went (the report's python.hops), sandboxed and in-process. */
    hops?: Record<string, number>
    hopsInProcess?: Record<string, number>
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

type Isolation = 'in-process' | 'sandbox'
const hostFor = (isolation: Isolation, options: PythonHostOptions) =>
  isolation === 'sandbox' ? createSandboxHost(options) : createInProcessHost(options)

async function startTimes(cacheDir: string, runs: number, isolation: Isolation) {
  const once = async (workers: number, snapshot: boolean) => {
    const host = hostFor(isolation, {
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

const tiny: ScriptSource = {
  id: 'tiny',
  slug: 'tiny',
  file: 'scripts/tiny.py',
  source: 'def render(context, post):\n    return "<b>" + str(context["params"]["i"]) + "</b>"\n',
  hash: 'h',
  entrypoint: 'render',
}

/** Sequential batches of `size` distinct calls: p50/p95 of the batch round trip, in ms. */
async function batchTimes(host: PythonHost, size: number, batches = 60) {
  const times: number[] = []
  for (let b = 0; b < batches; b++) {
    const calls = Array.from({ length: size }, (_, i) => ({
      script: tiny,
      args: [{ params: { i: `${size}-${b}-${i}` } }, null],
    }))
    const t0 = performance.now()
    await host.run(calls)
    if (b >= 10) times.push(performance.now() - t0) // the first batches warm up
  }
  return { p50: pct(times, 50), p95: pct(times, 95) }
}

async function callCosts(cacheDir: string, isolation: Isolation) {
  const host = hostFor(isolation, { workers: 2, timeoutMs: 10_000, memoryMiB: 512, cacheDir })
  await host.start()
  const batch: Record<string, { p50: number; p95: number }> = {}
  for (const size of [1, 10, 100]) batch[size] = await batchTimes(host, size)
  // A run of 800 calls crosses as 8 batches of 100 (4 in flight per worker), as in a build.
  const run800 = await batchTimes(host, 800, 30)
  const timing = host.counters().byScript.tiny
  const pid =
    isolation === 'sandbox'
      ? (host as ReturnType<typeof createSandboxHost>).child()?.pid
      : process.pid
  const rssMb = pid ? rssOf(pid) : 0
  await host.stop()
  return {
    batchMs: batch,
    perCallMs: { p50: run800.p50 / 800, p95: run800.p95 / 800 },
    workerCallMs: { p50: timing?.p50Ms ?? 0, p95: timing?.p95Ms ?? 0 },
    rssMb,
  }
}

/** Resident memory of a process in MB (Linux), 0 elsewhere. */
function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024
  } catch {
    return 0
  }
}

/** The 5 macro scripts and 5 tokens in every post (parameters, the post, the `bds` module). */
export async function addMacros(site: string): Promise<void> {
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

export async function coldBuild(bin: string, site: string, env: NodeJS.ProcessEnv) {
  await rmrf(join(site, '.bds'))
  const out = mkdtempSync(join(tmpdir(), 'bds-bench-pyout-'))
  const report = join(out, 'report.json')
  flushDisk()
  const r = await run(
    process.execPath,
    [bin, 'build', site, '--out', join(out, 'dist'), '--json', report, '--quiet'],
    { env },
  )
  const json = JSON.parse(readFileSync(report, 'utf8')) as {
    python?: { startMs: number; calls: number; hops?: Record<string, number> }
    steps?: { name: string; ms: number }[]
  }
  await rmrf(out)
  if (r.code !== 0) throw new Error(`bds build failed: ${r.output}`)
  const step = (name: string) => json.steps?.find((s) => s.name === name)?.ms ?? 0
  return {
    ms: r.ms,
    poolStartMs: json.python?.startMs ?? 0,
    calls: json.python?.calls ?? 0,
    pagesMs: step('pages'),
    macroStepMs: step('macros'),
    hops: json.python?.hops,
  }
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
    const runtime = async (isolation: Isolation): Promise<Runtime> => ({
      startMs: await startTimes(cacheDir, o.runs, isolation),
      ...(await callCosts(cacheDir, isolation)),
    })
    const inProcess = await runtime('in-process')
    const sandbox = await runtime('sandbox')
    const builds: PythonBenchResult['builds'] = []
    for (const n of o.sizes) {
      const plain = join(root, `plain-${n}`)
      const macros = join(root, `macros-${n}`)
      await generateCorpus(plain, n)
      await generateCorpus(macros, n)
      await addMacros(macros)
      const p: number[] = []
      const m: Awaited<ReturnType<typeof coldBuild>>[] = []
      const inProc: Awaited<ReturnType<typeof coldBuild>>[] = []
      for (let i = 0; i < o.runs; i++) {
        p.push((await coldBuild(o.bdsBin, plain, env)).ms)
        m.push(await coldBuild(o.bdsBin, macros, env))
        inProc.push(await coldBuild(o.bdsBin, macros, { ...env, BDS_SANDBOX: 'off' }))
      }
      const plainMs = median(p)
      const macrosMs = median(m.map((x) => x.ms))
      const inProcessMs = median(inProc.map((x) => x.ms))
      const medianRun = (runs: typeof m) =>
        [...runs].sort((a, b) => a.ms - b.ms)[Math.floor((runs.length - 1) / 2)]
      builds.push({
        posts: n,
        plainMs,
        macrosMs,
        addedMs: macrosMs - plainMs,
        inProcessMs,
        addedInProcessMs: inProcessMs - plainMs,
        poolStartMs: median(m.map((x) => x.poolStartMs)),
        calls: m[0]?.calls ?? 0,
        macroStepMs: medianRun(m)?.macroStepMs ?? 0,
        hops: medianRun(m)?.hops,
        hopsInProcess: medianRun(inProc)?.hops,
      })
    }
    return { inProcess, sandbox, builds }
  } finally {
    await rmrf(root)
  }
}

export function pythonTable(r: PythonBenchResult): string {
  const f = (n: number) => n.toFixed(0).padStart(6)
  const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`
  const lines = ['python runtime (medians; batch times p50, sequential)']
  for (const [name, x] of [
    ['in-process', r.inProcess],
    ['sandbox   ', r.sandbox],
  ] as const) {
    const b = (n: string) => us(x.batchMs[n]?.p50 ?? 0)
    lines.push(
      `  ${name} start: snapshot 1 worker ${f(x.startMs.snapshot1)} ms, 2 workers ${f(x.startMs.snapshot2)} ms · plain 1 worker ${f(x.startMs.plain1)} ms, 2 workers ${f(x.startMs.plain2)} ms`,
      `  ${name} batch of 1 / 10 / 100: ${b('1')} / ${b('10')} / ${b('100')} · per call in runs of 800 (batches of 100): p50 ${us(x.perCallMs.p50)}, p95 ${us(x.perCallMs.p95)} · in the worker p50 ${us(x.workerCallMs.p50)} · RSS ${f(x.rssMb)} MB`,
    )
  }
  const hopLine = (name: string, h: Record<string, number> | undefined, calls: number) => {
    if (!h) return `    hops ${name}: not reported`
    const order = ['encodeMs', 'toChildMs', 'queuedMs', 'toWorkerMs', 'siteMs', 'parseMs']
    order.push('callsMs', 'loopMs')
    const parts = [...order, 'fromWorkerMs', 'fromChildMs']
      .filter((k) => h[k] !== undefined)
      .map((k) => `${k.replace(/Ms$/, '')} ${f(h[k] as number).trim()}`)
    const perCall = calls
      ? ` · calls+loop per call ${us(((h.callsMs ?? 0) + (h.loopMs ?? 0)) / calls)}`
      : ''
    return `    hops ${name} (ms summed over ${h.batches} batches): ${parts.join(' · ')}${perCall}`
  }
  for (const b of r.builds) {
    lines.push(
      `  ${String(b.posts).padStart(5)} posts × 5 macros (${b.calls} calls), without them ${f(b.plainMs)} ms: sandbox ${f(b.macrosMs)} ms (+${f(b.addedMs).trim()} ms) · in-process ${f(b.inProcessMs)} ms (+${f(b.addedInProcessMs).trim()} ms) · pool start ${f(b.poolStartMs)} ms · macro step ${f(b.macroStepMs)} ms`,
      hopLine('sandbox', b.hops, b.calls),
      hopLine('in-process', b.hopsInProcess, b.calls),
    )
  }
  return lines.join('\n')
}
