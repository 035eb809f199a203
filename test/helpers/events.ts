// Waiting for an event instead of sleeping: a process exit, a message, a condition such as a
// process that is not our child being gone. Every wait has a generous bound that fails the
// test only when the event never happens; none asserts how long it took.

import type { ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'

/** How long any awaited event may take on a loaded machine before the test fails. */
export const EVENT_BOUND_MS = 30_000

/** Resolves with `promise`, or rejects when it has not settled within `ms` (it never hangs). */
export async function within<T>(
  promise: Promise<T>,
  what: string,
  ms = EVENT_BOUND_MS,
): Promise<T> {
  const bound = new AbortController()
  const timeout = sleep(ms, undefined, { signal: bound.signal }).then(() => {
    throw new Error(`${what} did not happen within ${ms} ms`)
  })
  try {
    return await Promise.race([promise, timeout])
  } finally {
    bound.abort()
    timeout.catch(() => {})
  }
}

/** Waits until `check()` is true, checking every 25 ms, for at most `ms`. */
export async function until(
  check: () => boolean,
  what: string,
  ms = EVENT_BOUND_MS,
): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${ms} ms`)
    await sleep(25)
  }
}

/** Resolves when our child process has exited (at once if it already has). */
export async function exitOf(child: ChildProcess, what = `process ${child.pid} exiting`) {
  if (child.exitCode !== null || child.signalCode !== null) return
  await within(once(child, 'exit'), what)
}

/** Start time of process `pid` (from /proc), or undefined when it is gone or a zombie. */
export function startTimeOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return fields[0] === 'Z' ? undefined : fields[19]
  } catch {
    return undefined
  }
}

/** Resolves when process `pid` (not necessarily our child) is gone; a reused pid counts as gone. */
export async function goneOf(pid: number, what = `process ${pid} exiting`): Promise<void> {
  const started = startTimeOf(pid)
  await until(() => started === undefined || startTimeOf(pid) !== started, what)
}
