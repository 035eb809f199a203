// Starting the sandbox child: Node's permission model with one --allow-fs-read per path of
// bds's own install (a comma-separated list would silently allow nothing on Node 20), worker
// threads allowed, no code generation from strings, an empty environment, stdin closed and
// stderr captured; optionally wrapped in the OS layer (namespaces and a minimal root).

import { type ChildProcess, spawn } from 'node:child_process'
import { realpathSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { bdsRoot } from '../paths.js'
import { pyodideDir } from '../snapshot.js'
import { PROBE_ARG } from './protocol.js'

/** What the OS layer offers the launcher (src/python/sandbox/os-layer.ts). */
export interface Wrapper {
  kind: 'namespaces' | 'none'
  reason: string
  wrap(command: string[], readable: string[]): string[]
  cleanup(): void
}

/** The permission flag of this Node: stable `--permission` from Node 22.13, else experimental. */
export const permissionFlag = (): string =>
  process.allowedNodeEnvironmentFlags.has('--permission')
    ? '--permission'
    : '--experimental-permission'

/** The only paths the child may read: bds's compiled code, its package.json, Pyodide, Piscina. */
export function readablePaths(): string[] {
  const piscina = join(dirname(pyodideDir()), 'piscina')
  const paths = [join(bdsRoot, 'dist'), join(bdsRoot, 'package.json'), pyodideDir(), piscina]
  return [...new Set(paths.map((p) => realpathSync(p)))]
}

const childEntry = () => realpathSync(join(bdsRoot, 'dist/python/sandbox/child.js'))

function sandboxArgv(readable: string[]): string[] {
  return [
    process.execPath,
    permissionFlag(),
    ...readable.map((p) => `--allow-fs-read=${p}`),
    '--allow-worker',
    '--disallow-code-generation-from-strings',
    '--max-old-space-size=512',
    '--no-warnings',
    childEntry(),
  ]
}

/** Caps what is kept of the child's stderr (the last 64 KiB). */
export function stderrTail(child: ChildProcess, limit = 64 * 1024): () => string {
  let tail = ''
  child.stderr?.setEncoding('utf8')
  child.stderr?.on('data', (chunk: string) => {
    tail = (tail + chunk).slice(-limit)
  })
  return () => tail
}

/** Starts the child; `probes` (tests only) adds the argument that turns its probe hook on. */
export function launchChild(
  layer: Wrapper | undefined,
  opts: { probes?: boolean } = {},
): ChildProcess {
  const readable = readablePaths()
  const argv = [...sandboxArgv(readable), ...(opts.probes ? [PROBE_ARG] : [])]
  // Inside the minimal root the node binary must be visible too (it often is, under /usr).
  const node = dirname(realpathSync(process.execPath))
  const command = layer ? layer.wrap(argv, [...readable, node]) : argv
  return spawn(command[0] as string, command.slice(1), {
    env: {},
    cwd: join(bdsRoot, 'dist'),
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'advanced',
  })
}
