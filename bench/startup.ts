// Start-up: how long `bds --version` and `bds --help` take next to `node -e 0` (the floor any
// Node program pays), interleaved, 15 runs after 2 warm-up runs (so the compile cache is warm,
// as on a user's machine after the first run); medians and the ratio to node.
import { median, run } from './proc.js'

export interface StartupResult {
  runs: number
  /** Median wall time of each command, ms. */
  nodeMs: number
  versionMs: number
  helpMs: number
  versionRatio: number
  helpRatio: number
}

const RUNS = 15
const WARMUP = 2

/** Median wall time of each command line, the three interleaved run by run. */
async function timed(commands: string[][]): Promise<number[]> {
  const times: number[][] = commands.map(() => [])
  for (let i = 0; i < WARMUP + RUNS; i++) {
    for (const [k, args] of commands.entries()) {
      const r = await run(process.execPath, args, { timeoutMs: 60_000 })
      if (r.code !== 0) throw new Error(`node ${args.join(' ')} failed: ${r.output.slice(-300)}`)
      if (i >= WARMUP) times[k]?.push(r.ms)
    }
  }
  return times.map(median)
}

export async function benchStartup(bdsBin: string): Promise<StartupResult> {
  console.error('[startup] node -e 0, bds --version, bds --help')
  const [nodeMs = 0, versionMs = 0, helpMs = 0] = await timed([
    ['-e', '0'],
    [bdsBin, '--version'],
    [bdsBin, '--help'],
  ])
  return {
    runs: RUNS,
    nodeMs,
    versionMs,
    helpMs,
    versionRatio: versionMs / nodeMs,
    helpRatio: helpMs / nodeMs,
  }
}

export function startupTable(r: StartupResult): string {
  const row = (what: string, ms: number, ratio?: number) =>
    `${what.padEnd(16)}${ms.toFixed(1).padStart(10)}${ratio === undefined ? '' : `${ratio.toFixed(2).padStart(10)}×`}`
  return [
    `start-up (median of ${r.runs})      ms   ÷ node`,
    row('node -e 0', r.nodeMs),
    row('bds --version', r.versionMs, r.versionRatio),
    row('bds --help', r.helpMs, r.helpRatio),
  ].join('\n')
}
