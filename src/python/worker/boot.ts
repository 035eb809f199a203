// Boots one Pyodide interpreter: from the memory snapshot when one is given (falling back
// to a plain boot if it fails to load), then the hardening every worker gets: no `js` or
// `pyodide_js` modules, no JS globals, no stdin, output handlers that never reach Node's
// streams, no reference to the snapshot bytes, and the Python import blocker.

import { createRequire } from 'node:module'
import type { PyodideAPI } from 'pyodide'

interface BootData {
  /** Python source of the harness and the hardening, installed as modules. */
  harness: string
  harden: string
  snapshot?: SharedArrayBuffer | Uint8Array
  pyodideEntry: string
}

export interface Booted {
  py: PyodideAPI
  fromSnapshot: boolean
  /** Why the snapshot was not used, when one was given. */
  fallback?: string
}

/** Installs a Python module from source (the harness files are sent as data). */
const INSTALL = `
def _bds_install(name, source, filename):
    import sys, types
    module = types.ModuleType(name)
    module.__file__ = filename
    exec(compile(source, filename, "exec", dont_inherit=True), module.__dict__)
    sys.modules[name] = module
`

/** Output below `sys.stdout` (C-level writes) lands here and is dropped. */
const discard = { write: (buffer: Uint8Array) => buffer.length }

function baseOptions() {
  return {
    jsglobals: Object.create(null) as object,
    stdin: () => null,
    stdout: () => {},
    stderr: () => {},
    env: { HOME: '/home/pyodide' },
    checkAPIVersion: true,
  }
}

type Load = (options: Record<string, unknown>) => Promise<PyodideAPI>
/** Pyodide's CommonJS build: it loads no `ws` or `child_process` of its own at start. */
const loader = (entry: string): Load =>
  (createRequire(import.meta.url)(entry) as { loadPyodide: Load }).loadPyodide

function installHarness(py: PyodideAPI, data: BootData): void {
  py.runPython(INSTALL)
  const install = py.globals.get('_bds_install')
  install('_bds_harness', data.harness, '<bds harness>')
  install('_bds_harden', data.harden, '<bds harden>')
  install.destroy()
  py.runPython('del _bds_install')
}

/** A fresh interpreter with the harness loaded, dumped as a memory snapshot (no user code). */
export async function makeSnapshot(data: BootData): Promise<Uint8Array> {
  const py = await loader(data.pyodideEntry)({ ...baseOptions(), _makeSnapshot: true })
  installHarness(py, data)
  return (py as unknown as { makeMemorySnapshot(): Uint8Array }).makeMemorySnapshot()
}

function harden(py: PyodideAPI): void {
  py.setStdout(discard)
  py.setStderr(discard)
  for (const name of ['js', 'pyodide_js']) {
    try {
      py.unregisterJsModule(name)
    } catch {
      // not registered: nothing to remove
    }
  }
  // A macro that forged a proxy to the API could otherwise rewrite the shared snapshot.
  const api = (py as unknown as { _api?: { config?: Record<string, unknown> } })._api
  if (api?.config) api.config._loadSnapshot = undefined
  const module = py.pyimport('_bds_harden')
  module.install()
  module.destroy()
}

export async function boot(data: BootData): Promise<Booted> {
  let fallback: string | undefined
  if (data.snapshot) {
    try {
      const bytes = new Uint8Array(data.snapshot as ArrayBufferLike)
      const py = await loader(data.pyodideEntry)({ ...baseOptions(), _loadSnapshot: bytes })
      py.pyimport('_bds_harness').destroy()
      harden(py)
      return { py, fromSnapshot: true }
    } catch (error) {
      fallback = error instanceof Error ? error.message : String(error)
    }
  }
  const py = await loader(data.pyodideEntry)(baseOptions())
  installHarness(py, data)
  harden(py)
  return { py, fromSnapshot: false, fallback }
}
