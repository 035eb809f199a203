// Measures one corpus size: cold builds of bds and each peer interleaved run by run (fresh output
// folder, no cache, the disk written out before each), then bds no-change rebuilds into the
// output of its last cold build.
import { existsSync } from 'node:fs'
import { mkdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { generateCorpus, type Post, postFile } from './corpus.js'
import {
  countPostPages,
  flushDisk,
  median,
  medianIndex,
  type RunResult,
  run,
  TIME_LIMIT_MS,
} from './proc.js'
import type {
  BdsReport,
  BdsResult,
  Command,
  Peer,
  SizeResult,
  Timing,
  ToolResult,
} from './types.js'

export interface SizeOptions {
  root: string
  runs: number
  bdsBin: string
  /** Why bds cannot run (not built), or null. */
  bdsMissing: string | null
  peers: Peer[]
  skipped: Record<string, string>
}

type Sample = { res: RunResult; report?: BdsReport; error?: string }

const log = (msg: string): void => void console.error(msg)
const fmt = (ms: number): string => `${ms.toFixed(0)} ms`

function timing(samples: Sample[]): Timing {
  const good = samples.filter((s) => !s.error)
  const ms = good.map((s) => s.res.ms)
  const error = samples.find((s) => s.error)?.error
  const minMs = ms.length ? Math.min(...ms) : Number.NaN
  const maxMs = ms.length ? Math.max(...ms) : Number.NaN
  const base = { medianMs: median(ms), minMs, maxMs, runsMs: samples.map((s) => s.res.ms) }
  return { ...base, failures: samples.length - good.length, ...(error ? { error } : {}) }
}

/** A build's time limit: five minutes, or 10 ms per post for a corpus past 30,000 posts. */
const limitFor = (posts: number) => Math.max(TIME_LIMIT_MS, posts * 10)

async function exec(c: Command, rssFile: string, posts: number, report?: string): Promise<Sample> {
  const env = { ...process.env, TZ: 'UTC' }
  flushDisk() // the tool before wrote thousands of files: their writeback is not this run's
  const res = await run(c.cmd, c.args, { cwd: c.cwd, rssFile, env, timeoutMs: limitFor(posts) })
  const why = res.timedOut ? 'timed out' : `exit ${res.code}`
  if (res.timedOut || res.code !== 0) return { res, error: `${why}: ${res.output.slice(-300)}` }
  if (!report) return { res }
  try {
    const parsed = JSON.parse(await readFile(report, 'utf8')) as BdsReport
    return parsed.ok ? { res, report: parsed } : { res, report: parsed, error: 'report ok=false' }
  } catch (e) {
    return { res, error: `no readable --json report: ${(e as Error).message}` }
  }
}

const medianKnown = (values: (number | null | undefined)[]) => {
  const known = values.filter((v): v is number => typeof v === 'number' && v > 0)
  return known.length ? median(known) : null
}

function toolResult(samples: Sample[], pages: number): ToolResult {
  const good = samples.filter((s) => !s.error)
  return {
    ...timing(samples),
    maxRssBytes: medianKnown(good.map((s) => s.report?.maxRssBytes ?? s.res.maxRssBytes)),
    largestRssBytes: medianKnown(good.map((s) => s.res.maxRssBytes)),
    pages,
  }
}

export async function measureSize(n: number, o: SizeOptions): Promise<SizeResult> {
  const dir = join(o.root, `n${n}`)
  const site = join(dir, 'site')
  const posts: Post[] = await generateCorpus(site, n)
  const slugs = new Set(posts.map((p) => p.slug))
  const corpusBytes = posts.reduce((sum, p) => sum + Buffer.byteLength(postFile(p)), 0)
  for (const peer of o.peers) await peer.prepare(join(dir, peer.name), posts)
  for (const sub of ['out', 'reports', 'rss', 'scratch']) await mkdir(join(dir, sub))
  log(`[${n} posts] corpus ready: ${(corpusBytes / 1e6).toFixed(1)} MB of Markdown in ${site}`)
  const progress = (r: number, what: string, s: Sample, extra = ''): void => {
    const failed = s.error ? ` FAILED ${s.error}` : ''
    log(`[${n} posts] run ${r}/${o.runs} ${what} ${fmt(s.res.ms)}${extra}${failed}`)
  }
  const lastOut = join(dir, 'out', `bds-cold-${o.runs}`)
  const bds = (r: number, out: string, kind: string): Promise<Sample> => {
    const report = join(dir, 'reports', `${kind}-${r}.json`)
    const args = [o.bdsBin, 'build', site, '--out', out, '--json', report, '--quiet']
    return exec({ cmd: process.execPath, args }, join(dir, 'rss', `bds-${kind}-${r}`), n, report)
  }

  const cold: Sample[] = []
  const peerRuns = new Map<string, Sample[]>(o.peers.map((p) => [p.name, []]))
  for (let r = 1; r <= o.runs; r++) {
    if (!o.bdsMissing) {
      await rm(join(site, '.bds'), { recursive: true, force: true })
      const s = await bds(r, join(dir, 'out', `bds-cold-${r}`), 'cold')
      cold.push(s)
      progress(r, 'bds cold', s)
    }
    for (const peer of o.peers) {
      const out = join(dir, 'out', `${peer.name}-cold-${r}`)
      const c = peer.command(join(dir, peer.name), out, join(dir, 'scratch', `${peer.name}-${r}`))
      const s = await exec(c, join(dir, 'rss', `${peer.name}-${r}`), n)
      peerRuns.get(peer.name)?.push(s)
      progress(r, `${peer.name} cold`, s)
    }
  }

  const result: SizeResult = {
    posts: n,
    corpusBytes,
    bds: { skipped: o.bdsMissing ?? '' },
    peers: {},
  }
  const bdsCold = o.bdsMissing ? null : toolResult(cold, await countPostPages(lastOut, slugs))
  if (bdsCold) {
    // No-change rebuilds: same command into the output (and cache) of the last cold build.
    const again: Sample[] = []
    for (let r = 1; r <= o.runs; r++) {
      const s = await bds(r, lastOut, 'nochange')
      again.push(s)
      const written = s.report?.outputs.written
      progress(r, 'bds no-change', s, ` (written: ${written ?? '?'})`)
      if (written !== undefined && written !== 0) {
        log(`WARNING: no-change rebuild ${r} of ${n} posts wrote ${written} files (expected 0)`)
      }
    }
    result.bds = bdsResult(bdsCold, cold, again)
  }
  for (const [name, why] of Object.entries(o.skipped)) result.peers[name] = { skipped: why }
  for (const peer of o.peers) {
    const out = join(dir, 'out', `${peer.name}-cold-${o.runs}`)
    const pages = existsSync(out) ? await countPostPages(out, slugs) : 0
    const res = toolResult(peerRuns.get(peer.name) ?? [], pages)
    const ratio = bdsCold ? bdsCold.medianMs / res.medianMs : Number.NaN
    const version = peer.version
    result.peers[peer.name] = { ...res, version, ratio: Number.isFinite(ratio) ? ratio : null }
  }
  return result
}

function bdsResult(cold: ToolResult, coldSamples: Sample[], again: Sample[]): BdsResult {
  const written = again.map((s) => s.report?.outputs.written ?? Number.NaN)
  const maxWritten = written.some(Number.isNaN) ? null : Math.max(...written)
  const ok = coldSamples.filter((s) => !s.error)
  const mid = ok[medianIndex(ok.map((s) => s.res.ms))]
  const steps = mid?.report?.steps ?? []
  const durationMs = mid?.report?.durationMs ?? null
  return {
    cold,
    noChange: { ...timing(again), maxWritten },
    steps,
    durationMs,
    wallMs: mid?.res.ms ?? null,
  }
}
