// Process and file helpers for the benchmark: timed child processes with a hard time limit,
// medians, and counting the post pages a generator wrote.
import { execFileSync, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readdir, readFile, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

export const TIME_LIMIT_MS = 5 * 60_000
const GNU_TIME = '/usr/bin/time'

const live = new Set<number>()

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return
  try {
    process.kill(-pid, 'SIGKILL')
  } catch {
    // already gone
  }
}

/** Ends every child process group still running (used when the benchmark is interrupted). */
export function killAll(): void {
  for (const pid of live) killGroup(pid)
  live.clear()
}

export interface RunResult {
  ms: number
  code: number | null
  timedOut: boolean
  /** Peak RSS of the child as GNU time saw it, when /usr/bin/time exists. */
  maxRssBytes: number | null
  output: string
}

export interface RunOptions {
  cwd?: string
  timeoutMs?: number
  env?: NodeJS.ProcessEnv
  /** Wrap the command in GNU time to read its peak RSS (adds the same tiny cost to every tool). */
  rssFile?: string
}

/** Runs a command, timing its wall clock with process.hrtime; never rejects on exit codes. */
export function run(cmd: string, args: string[], opts: RunOptions = {}): Promise<RunResult> {
  const wrap = opts.rssFile !== undefined && existsSync(GNU_TIME)
  const file = wrap ? GNU_TIME : cmd
  const argv = wrap ? ['-f', '%M', '-o', opts.rssFile ?? '', cmd, ...args] : args
  return new Promise((resolve) => {
    let output = ''
    let timedOut = false
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString()).slice(-4000)
    }
    const start = process.hrtime.bigint()
    const child = spawn(file, argv, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // own process group, so a time-out also ends what the tool started
    })
    const pid = child.pid
    if (pid !== undefined) live.add(pid)
    const timer = setTimeout(() => {
      timedOut = true
      killGroup(pid)
    }, opts.timeoutMs ?? TIME_LIMIT_MS)
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    let done = false
    const finish = async (code: number | null): Promise<void> => {
      if (done) return
      done = true
      const ms = Number(process.hrtime.bigint() - start) / 1e6
      clearTimeout(timer)
      if (pid !== undefined) live.delete(pid)
      const maxRssBytes = wrap ? await readRss(opts.rssFile ?? '') : null
      resolve({ ms, code, timedOut, maxRssBytes, output: output.trim() })
    }
    child.on('error', (error) => {
      output += `\n${error.message}`
      void finish(null)
    })
    child.on('close', (code) => void finish(code))
  })
}

async function readRss(file: string): Promise<number | null> {
  try {
    const lines = (await readFile(file, 'utf8')).trim().split('\n')
    const kb = Number(lines[lines.length - 1])
    return Number.isFinite(kb) ? kb * 1024 : null
  } catch {
    return null
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  if (sorted.length === 0) return Number.NaN
  if (sorted.length % 2 === 1) return sorted[mid] ?? Number.NaN
  return ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

/** Index of the run whose value is the (lower) median, to pick a representative run. */
export function medianIndex(values: readonly number[]): number {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0])
  return order[Math.floor((order.length - 1) / 2)]?.[1] ?? 0
}

/**
 * How many of `slugs` have a full page in `outDir`: `<slug>.html` or `<slug>/index.html` holding a
 * `<title>` (a page without one means the layout was not applied).
 */
export async function countPostPages(outDir: string, slugs: ReadonlySet<string>): Promise<number> {
  const found = new Set<string>()
  let entries: string[]
  try {
    entries = await readdir(outDir, { recursive: true })
  } catch {
    return 0
  }
  for (const rel of entries) {
    if (!rel.endsWith('.html')) continue
    const name = basename(rel, '.html')
    const key = name === 'index' ? basename(dirname(rel)) : name
    if (!slugs.has(key) || found.has(key)) continue
    if (/<title[\s>]/i.test(await readFile(join(outDir, rel), 'utf8'))) found.add(key)
  }
  return found.size
}

export const rmrf = (path: string): Promise<void> => rm(path, { recursive: true, force: true })

/**
 * Writes the disk's dirty pages out before a timed run, so a run does not pay for the
 * writeback of what the run before it (or a folder copy or removal) left in the page cache.
 */
export const flushDisk = (): void => {
  execFileSync('sync')
}
