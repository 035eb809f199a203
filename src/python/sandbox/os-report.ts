// What isolates Python macros on this host, as data for `bds doctor`: Node and its permission
// flag, Pyodide, the snapshot cache file, the sandbox child, the OS layer, and one summary.

import { existsSync } from 'node:fs'
import { harnessSources } from '../harness.js'
import { defaultCacheDir, PYODIDE_VERSION, snapshotFile } from '../snapshot.js'
import { permissionFlag } from './launch.js'
import { detectOsLayer } from './os-layer.js'

export interface IsolationReport {
  node: { version: string; permissionFlag: string }
  pyodide: { version: string }
  snapshot: { file: string; exists: boolean }
  /** False when BDS_SANDBOX=off runs the Pyodide pool inside the bds process (debugging). */
  sandboxChild: boolean
  osLayer: { kind: 'namespaces' | 'none'; reason: string }
  /** One plain sentence: what Python macros are isolated from on this host. */
  isolation: string
}

export function isolationReport(env: NodeJS.ProcessEnv = process.env): IsolationReport {
  const file = snapshotFile(defaultCacheDir(), harnessSources())
  const layer = detectOsLayer()
  const sandboxChild = env.BDS_SANDBOX !== 'off'
  return {
    node: { version: process.version, permissionFlag: permissionFlag() },
    pyodide: { version: PYODIDE_VERSION },
    snapshot: { file, exists: existsSync(file) },
    sandboxChild,
    osLayer: { kind: layer.kind, reason: layer.reason },
    isolation: !sandboxChild
      ? 'Python macros are NOT isolated: BDS_SANDBOX=off runs them inside the bds process, with its access to files, processes, environment and network.'
      : layer.kind === 'namespaces'
        ? 'Python macros are isolated from host files, processes, environment and network.'
        : 'Python macros are isolated from host files, processes and environment by the Node permission model only; they are NOT network-isolated on this host.',
  }
}
