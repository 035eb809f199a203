// Sandbox hosts whose child is a fake (fake-sandbox-child.js) that breaks the wire as told:
// one scenario per launch, so a test can see the host refuse one child and start the next.

import { type ChildProcess, spawn } from 'node:child_process'
import { join } from 'node:path'
import { createSandboxHost, type SandboxHost } from '../../src/python/sandbox/host.js'
import { WIRE_VERSION } from '../../src/python/wire.js'
import { repoRoot, tempDir } from './site.js'

type Reply = { value: unknown } | { text: string } | { message: Record<string, unknown> }

export interface Scenario {
  /** The wire version stamped on every message; null for none; default WIRE_VERSION. */
  v?: number | null
  /** Scripted replies per request kind, used in order before the normal ones. */
  replies?: Partial<Record<'start' | 'run' | 'check' | 'probe', Reply[]>>
  /** Raw messages sent after answering a message of this kind (`req` ones by their op). */
  after?: Record<string, unknown[]>
}

const childFile = join(repoRoot, 'test/helpers/fake-sandbox-child.js')

export function fakeChild(scenario: Scenario = {}): ChildProcess {
  const full = { v: WIRE_VERSION, ...scenario }
  return spawn(process.execPath, [childFile, JSON.stringify(full)], {
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'advanced',
  })
}

/** A host whose n-th child follows `scenarios[n]` (normal once they run out); `children` lists them. */
export function fakeSandboxHost(...scenarios: Scenario[]) {
  const children: ChildProcess[] = []
  const options = { workers: 1, timeoutMs: 1000, memoryMiB: 64, snapshot: false }
  const host: SandboxHost = createSandboxHost(
    { ...options, cacheDir: tempDir('bds-fake-sandbox-') },
    {
      launch: () => {
        const child = fakeChild(scenarios[children.length])
        children.push(child)
        return child
      },
    },
  )
  return { host, children }
}
