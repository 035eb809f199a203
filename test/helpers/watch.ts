// Helpers for watch-mode tests: start the real `bds watch` (bin/bds.js) on a site, follow its
// server-sent events over HTTP, fetch what it serves, and compare that with a clean build.

import { type ChildProcess, spawn } from 'node:child_process'
import { cpSync, readFileSync } from 'node:fs'
import { get } from 'node:http'
import { join } from 'node:path'
import { listFiles, repoRoot, tempDir } from './site.js'

export interface Running {
  url: string
  child: ChildProcess
  /** Everything printed so far. */
  output(): string
  /** Sends SIGINT and resolves with the exit code. */
  stop(): Promise<number | null>
}

/** Starts `bds watch ROOT --port 0 ...args` and waits for its URL. */
export async function startWatch(
  root: string,
  args: string[] = [],
  bin = join(repoRoot, 'bin/bds.js'),
): Promise<Running> {
  const child = spawn(process.execPath, [bin, 'watch', root, '--port', '0', ...args], {
    env: { ...process.env, NO_COLOR: '1', TZ: 'UTC' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let text = ''
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)))
  const url = await new Promise<string>((done, fail) => {
    const onData = (chunk: Buffer) => {
      text += chunk.toString()
      const m = / at (http:\/\/\S+\/) /.exec(text)
      if (m) done(m[1] as string)
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    void exited.then((code) => fail(new Error(`bds watch exited with ${code}:\n${text}`)))
  })
  return {
    url,
    child,
    output: () => text,
    async stop() {
      child.kill('SIGINT')
      return exited
    },
  }
}

export interface SseEvent {
  event: string
  data: Record<string, unknown>
}

export interface EventStream {
  /** The next event named `name` (matching `where`), waiting for it if need be. */
  next(name: string, where?: (data: Record<string, unknown>) => boolean): Promise<SseEvent>
  close(): void
}

/** Follows the server-sent events at `url` from now on. */
export function followEvents(url: string): Promise<EventStream> {
  const queue: SseEvent[] = []
  const waiting: (() => void)[] = []
  return new Promise((done, fail) => {
    const req = get(url, (res) => {
      let buffer = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        buffer += chunk
        for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const event = /^event: (.*)$/m.exec(block)?.[1]
          const data = /^data: (.*)$/m.exec(block)?.[1]
          if (event && data) queue.push({ event, data: JSON.parse(data) })
          for (const wake of waiting.splice(0)) wake()
        }
      })
      done({
        async next(name, where = () => true) {
          for (;;) {
            const i = queue.findIndex((e) => e.event === name && where(e.data))
            if (i !== -1) return queue.splice(0, i + 1).at(-1) as SseEvent
            await new Promise<void>((wake) => waiting.push(wake))
          }
        },
        close: () => req.destroy(),
      })
    })
    req.on('error', fail)
  })
}

export async function fetchText(
  url: string,
): Promise<{ status: number; type: string; body: Buffer }> {
  const res = await fetch(url, { redirect: 'manual' })
  const body = Buffer.from(await res.arrayBuffer())
  return { status: res.status, type: res.headers.get('content-type') ?? '', body }
}

/** A served page without the live-reload client that `bds watch` adds. */
export const withoutClient = (html: Buffer) =>
  Buffer.from(
    html.toString('utf8').replace(/<script src="\/__bds\/client\.js"[^>]*><\/script>\n/, ''),
  )

/** Builds a copy of the site (without dist/ and .bds/) from scratch; returns its output. */
export async function cleanBuild(root: string): Promise<string> {
  const { build } = await import('../../dist/index.js')
  const copy = join(tempDir(), 'site')
  cpSync(root, copy, { recursive: true, filter: (src) => !/\/(dist|\.bds)(\/|$)/.test(src) })
  const out = join(tempDir(), 'clean')
  await build({ root: copy, out })
  return out
}

/** The files an output folder's record lists (its site hash differs between two sites). */
const recorded = (dir: string) =>
  JSON.stringify(
    (JSON.parse(readFileSync(join(dir, '.bds-output.json'), 'utf8')) as { files: string[] }).files,
  )

/**
 * Files that differ between two output folders (missing, extra or other bytes); the records
 * `.bds-output.json` are compared by the files they list.
 */
export function treeDifferences(ours: string, theirs: string): string[] {
  const a = listFiles(ours)
  const b = listFiles(theirs)
  const problems = [
    ...a.filter((f) => !b.includes(f)).map((f) => `extra ${f}`),
    ...b.filter((f) => !a.includes(f)).map((f) => `missing ${f}`),
  ]
  for (const f of a.filter((f) => b.includes(f))) {
    if (f === '.bds-output.json') {
      if (recorded(ours) !== recorded(theirs)) problems.push(`differs ${f}`)
    } else if (!readFileSync(join(ours, f)).equals(readFileSync(join(theirs, f))))
      problems.push(`differs ${f}`)
  }
  return problems
}
