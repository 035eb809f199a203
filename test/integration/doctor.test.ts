// `bds doctor` through the real CLI: one line each for Node, Pyodide, the snapshot cache, the
// sandbox child and the OS layer, a plain isolation summary, the same as --json, and the
// answers with BDS_SANDBOX_OS=off (no OS layer) and BDS_SANDBOX=off (no sandbox child).

import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { probeOsLayer } from '../../src/python/sandbox/os-layer.js'
import type { IsolationReport } from '../../src/python/sandbox/os-report.js'
import { bds, repoRoot, tempDir } from '../helpers/site.js'

/** Runs `bds doctor` with extra environment variables. */
function doctor(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(repoRoot, 'bin/bds.js'), 'doctor', ...args], {
    cwd: tempDir('bds-doctor-'),
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  })
  expect(r.status, r.stderr).toBe(0)
  return r.stdout
}

describe('bds doctor', () => {
  it('prints one line each: node, pyodide, snapshot, sandbox, os layer, isolation', () => {
    const r = bds(['doctor'], tempDir('bds-doctor-'))
    expect(r.status, r.stderr).toBe(0)
    const lines = r.stdout.trimEnd().split('\n')
    expect(lines.map((l) => l.split(':')[0])).toEqual([
      'node',
      'pyodide',
      'snapshot',
      'sandbox',
      'os layer',
      'isolation',
    ])
    expect(lines[0]).toContain(process.version)
    expect(lines[0]).toMatch(/--(experimental-)?permission/)
    expect(lines[1]).toMatch(/^pyodide: +\d+\.\d+\.\d+/)
    expect(lines[2]).toMatch(/pyodide-.*\.snapshot \((exists|not made yet.*)\)$/)
    expect(lines[4]).toMatch(/^os layer: +(namespaces|none): \S/)
  })

  it('--json says the same, and the summary matches the OS layer', () => {
    const report = JSON.parse(doctor(['--json'])) as IsolationReport
    expect(report.node.version).toBe(process.version)
    expect(report.snapshot.file).toContain(process.env.BDS_CACHE_DIR as string)
    expect(report.sandboxChild).toBe(true)
    expect(['namespaces', 'none']).toContain(report.osLayer.kind)
    expect(report.isolation).toBe(
      report.osLayer.kind === 'namespaces'
        ? 'Python macros are isolated from host files, processes, environment and network.'
        : expect.stringContaining('NOT network-isolated'),
    )
  })

  it('the OS layer is the one this host really has', () => {
    const report = JSON.parse(doctor(['--json'])) as IsolationReport
    const here = probeOsLayer()
    expect(report.osLayer).toEqual({ kind: here.kind, reason: here.reason })
  })

  it('BDS_SANDBOX_OS=off: no OS layer, the reason says so, and it is not network-isolated', () => {
    const report = JSON.parse(doctor(['--json'], { BDS_SANDBOX_OS: 'off' })) as IsolationReport
    expect(report.osLayer).toEqual({
      kind: 'none',
      reason: 'the OS layer is turned off by BDS_SANDBOX_OS=off.',
    })
    expect(report.isolation).toContain('NOT network-isolated on this host')
    const text = doctor([], { BDS_SANDBOX_OS: 'off' })
    expect(text).toMatch(/^os layer: +none: the OS layer is turned off by BDS_SANDBOX_OS=off\.$/m)
    expect(text).toMatch(/^isolation: .*NOT network-isolated on this host\.$/m)
  })

  it('BDS_SANDBOX=off: the summary says macros are not isolated at all', () => {
    const report = JSON.parse(doctor(['--json'], { BDS_SANDBOX: 'off' })) as IsolationReport
    expect(report.sandboxChild).toBe(false)
    expect(report.isolation).toMatch(/^Python macros are NOT isolated/)
  })
})
