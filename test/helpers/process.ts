// A long-running bds process (serve, watch) for tests: its output as it comes, a wait for a
// line that matches, and a stop by SIGINT that resolves with the exit code.

import { type ChildProcess, spawn } from 'node:child_process'
import { join } from 'node:path'
import { repoRoot } from './site.js'

export interface Started {
  child: ChildProcess
  output(): string
  /** Waits until the output matches `re` (failing after `ms` or when bds exits first). */
  waitFor(re: RegExp, ms?: number): Promise<RegExpExecArray>
  /** Resolves with the exit code. */
  exited: Promise<number | null>
  stop(): Promise<number | null>
}

export function startBds(args: string[], bin = join(repoRoot, 'bin/bds.js')): Started {
  const child = spawn(process.execPath, [bin, ...args], {
    env: { ...process.env, NO_COLOR: '1', TZ: 'UTC' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let text = ''
  const listeners = new Set<() => void>()
  const onData = (chunk: Buffer) => {
    text += chunk.toString()
    for (const wake of listeners) wake()
  }
  child.stdout?.on('data', onData)
  child.stderr?.on('data', onData)
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)))
  const waitFor = (re: RegExp, ms = 60_000) =>
    new Promise<RegExpExecArray>((done, fail) => {
      const check = () => {
        const m = re.exec(text)
        if (!m) return
        finish()
        done(m)
      }
      const timer = setTimeout(() => {
        finish()
        fail(new Error(`no output matching ${re} within ${ms} ms:\n${text}`))
      }, ms)
      const finish = () => {
        clearTimeout(timer)
        listeners.delete(check)
      }
      listeners.add(check)
      void exited.then(() => {
        check()
        if (listeners.has(check)) {
          finish()
          fail(new Error(`bds exited before printing ${re}:\n${text}`))
        }
      })
      check()
    })
  return {
    child,
    output: () => text,
    waitFor,
    exited,
    stop: () => {
      if (child.exitCode === null) child.kill('SIGINT')
      return exited
    },
  }
}
