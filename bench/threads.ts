// Threads: cold builds of one corpus with `--threads 1,2,…`, interleaved run by run, to show
// how a build scales with cores. Speed-up is the 1-thread median over the k-thread median;
// the serial fraction is the Karp–Flatt metric e = (1/S − 1/k) / (1 − 1/k), the share of the
// build that did not run in parallel (constant e: the serial part limits; growing e: the
// threads' overhead or a machine with fewer free cores than k).
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { generateCorpus } from './corpus.js'
import { median, run } from './proc.js'
import { align } from './table.js'

export interface ThreadsRow {
  threads: number
  medianMs: number
  runsMs: number[]
  speedup: number
  serialFraction: number | null
}

export interface ThreadsResult {
  posts: number
  rows: ThreadsRow[]
}

export async function benchThreads(
  root: string,
  posts: number,
  counts: readonly number[],
  runs: number,
  bdsBin: string,
): Promise<ThreadsResult> {
  const dir = join(root, `threads-${posts}`)
  const site = join(dir, 'site')
  await generateCorpus(site, posts)
  const times = new Map<number, number[]>(counts.map((k) => [k, []]))
  for (let r = 1; r <= runs; r++) {
    for (const k of counts) {
      await rm(join(site, '.bds'), { recursive: true, force: true })
      const out = join(dir, `out-${k}-${r}`)
      await mkdir(out, { recursive: true })
      const args = [bdsBin, 'build', site, '--out', out, '--threads', String(k), '--quiet']
      const res = await run(process.execPath, args, { env: { ...process.env, TZ: 'UTC' } })
      if (res.code !== 0) throw new Error(`bds --threads ${k} failed: ${res.output.slice(-300)}`)
      times.get(k)?.push(res.ms)
      console.error(
        `[threads] ${posts} posts, run ${r}/${runs}, ${k} thread(s): ${res.ms.toFixed(0)} ms`,
      )
      await rm(out, { recursive: true, force: true })
    }
  }
  const base = median(times.get(counts[0] ?? 1) ?? [])
  const baseThreads = counts[0] ?? 1
  const rows = counts.map((k) => {
    const runsMs = times.get(k) ?? []
    const medianMs = median(runsMs)
    // Relative to the first count (normally 1), scaled as if it were one thread.
    const speedup = base / medianMs
    const p = k / baseThreads
    const serialFraction = p > 1 ? (1 / speedup - 1 / p) / (1 - 1 / p) : null
    return { threads: k, medianMs, runsMs, speedup, serialFraction }
  })
  return { posts, rows }
}

export function threadsTable(r: ThreadsResult): string {
  const rows = [['threads', 'median ms', 'speed-up', 'serial fraction']]
  for (const row of r.rows) {
    rows.push([
      String(row.threads),
      row.medianMs.toFixed(1),
      `${row.speedup.toFixed(2)}×`,
      row.serialFraction === null ? '—' : row.serialFraction.toFixed(2),
    ])
  }
  return `cold build of ${r.posts} posts by thread count\n${align(rows, 1)}`
}
