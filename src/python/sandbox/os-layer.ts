// The Linux OS isolation layer around the sandbox child: new user, mount, network, PID, UTS
// and IPC namespaces with a minimal read-only root (root.sh), or nothing where the host
// forbids it (Ubuntu's AppArmor userns restriction, Docker's seccomp, macOS, Windows).

import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { findTools, readableMounts, SYSTEM_DIRS, type Tools } from './os-paths.js'

interface OsLayer {
  /** 'namespaces': the child runs in new user, network, PID and mount namespaces with a minimal root; 'none': no OS layer. */
  kind: 'namespaces' | 'none'
  /** One plain sentence: why it is or is not active (for `bds doctor` and the one-time warning). */
  reason: string
  /**
   * Wraps `command` so it runs inside the layer. `readable` are absolute paths (files or
   * folders, realpaths) made visible read-only inside the minimal root at the same path; those
   * under /usr, /bin, /sbin and /lib* are visible anyway. With kind 'none' it returns `command`.
   * The wrapper (unshare) blocks SIGTERM and SIGINT: stop the child with SIGKILL (the inner
   * process dies with it) or by closing the IPC channel.
   */
  wrap(command: string[], readable: string[]): string[]
  /**
   * Removes whatever wrap() created on the host (the empty mount-point folder); safe to call
   * twice, and as soon as the wrapped process has started (its first IPC message): it keeps
   * its root. An exit hook removes what is left when bds exits normally.
   */
  cleanup(): void
}

/** The launcher script; `sh` reads it on the host before it chroots (from src/ or dist/). */
export const ROOT_SCRIPT = fileURLToPath(
  new URL('../../../src/python/sandbox/root.sh', import.meta.url),
)

/** The namespaces; never a network namespace without the mount namespace and minimal root. */
const UNSHARE_FLAGS = [
  '--user',
  '--map-root-user',
  '--mount',
  '--net',
  '--pid',
  '--uts',
  '--ipc',
  '--fork',
  '--kill-child',
]

interface ProbeOptions {
  env?: NodeJS.ProcessEnv
  platform?: NodeJS.Platform
}

let detected: OsLayer | undefined

/** Detected once per process. BDS_SANDBOX_OS=off forces kind 'none'. Linux only. */
export function detectOsLayer(): OsLayer {
  detected ??= probeOsLayer()
  return detected
}

/** Detection without the cache: runs `env` through the full wrapper, minimal root included (25-50 ms). */
export function probeOsLayer(options: ProbeOptions = {}): OsLayer {
  const env = options.env ?? process.env
  const platform = options.platform ?? process.platform
  if (env.BDS_SANDBOX_OS?.trim().toLowerCase() === 'off')
    return noLayer('the OS layer is turned off by BDS_SANDBOX_OS=off.')
  if (platform !== 'linux')
    return noLayer(`Linux namespaces do not exist on ${platform}; there is no OS layer there.`)
  const tools = findTools()
  if (typeof tools === 'string')
    return noLayer(
      `${tools} was not found in ${SYSTEM_DIRS.join(', ')}; the OS layer needs util-linux and coreutils.`,
    )
  const layer = namespaceLayer(tools)
  const argv = layer.wrap([tools.env], [])
  const probe = spawnSync(argv[0] as string, argv.slice(1), {
    env: {},
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    timeout: 10_000,
  })
  layer.cleanup()
  if (probe.status === 0) return layer
  return noLayer(probeFailure(probe.status, probe.stderr ?? '', probe.error))
}

function probeFailure(status: number | null, stderr: string, error?: Error): string {
  const lines = stderr.split('\n').map((line) => line.trim().replace(/\.$/, ''))
  const detail = (lines.filter(Boolean).slice(-2).join('; ') || error?.message || '')
    .replace(/\s+/g, ' ')
    .slice(0, 300)
  const cause = /uid_map|Operation not permitted/.test(detail)
    ? ' (Ubuntu 23.10 and later restrict unprivileged user namespaces with AppArmor; Docker’s default seccomp profile blocks them)'
    : ''
  const what = status === null ? 'did not finish' : `failed with exit code ${status}`
  return `the namespace probe (unshare + minimal root) ${what}: ${detail || 'no message'}${cause}.`
}

function noLayer(reason: string): OsLayer {
  return { kind: 'none', reason, wrap: (command) => [...command], cleanup: () => {} }
}

/** Mount-point folders not removed yet; an exit hook removes them if cleanup() was never called. */
const mountDirs = new Set<string>()
let exitHooked = false
const removeMountDir = (dir: string) => {
  rmSync(dir, { recursive: true, force: true })
  mountDirs.delete(dir)
}

function namespaceLayer(tools: Tools): OsLayer {
  let mountDir: string | undefined
  const cleanup = () => {
    if (mountDir) removeMountDir(mountDir)
    mountDir = undefined
  }
  return {
    kind: 'namespaces',
    reason:
      'user, mount, network, PID, UTS and IPC namespaces with a minimal read-only root work on this host.',
    wrap(command, readable) {
      const mounts = readableMounts(readable)
      if (!mountDir) {
        // One empty folder serves every child: each mounts its own root on it in its own namespace.
        mountDir = mkdtempSync(join(tmpdir(), 'bds-sandbox-'))
        mountDirs.add(mountDir)
        if (!exitHooked) process.once('exit', () => mountDirs.forEach(removeMountDir))
        exitHooked = true
      }
      return [
        tools.setpriv,
        '--pdeathsig',
        'SIGKILL',
        tools.unshare,
        ...UNSHARE_FLAGS,
        '--',
        tools.sh,
        ROOT_SCRIPT,
        mountDir,
        ...mounts,
        '--',
        ...command,
      ]
    },
    cleanup,
  }
}
