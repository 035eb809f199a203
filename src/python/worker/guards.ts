// Guards installed in a Pyodide worker before Pyodide loads: no processes (Emscripten's
// `system()` would run a host shell), no network from JavaScript, a cap on wasm memory,
// and the `process.binding('constants')` answer Pyodide needs under Node's permission model.

import fs from 'node:fs'
import Module, { createRequire } from 'node:module'
import os from 'node:os'

const BLOCKED_MODULES = ['child_process', 'net', 'tls', 'dgram', 'dns', 'http', 'https', 'http2']

function refuse(name: string): never {
  const error = new Error(`bds: ${name} is not available to Python scripts`)
  ;(error as NodeJS.ErrnoException).code = 'ERR_BDS_BLOCKED'
  throw error
}

/** A module whose every function refuses; `spawnSync` answers "command not found" (127). */
function stubModule(name: string): Record<string, unknown> {
  const base: Record<string, unknown> = { spawnSync: () => ({ status: 127 }) }
  return new Proxy(base, {
    get: (target, key) => {
      if (typeof key !== 'string') return undefined
      return key in target ? target[key] : () => refuse(name)
    },
  })
}

function blockedName(request: string): string | undefined {
  const bare = request.startsWith('node:') ? request.slice(5) : request
  return BLOCKED_MODULES.find((m) => bare === m || bare.startsWith(`${m}/`))
}

type Loader = (request: string, ...rest: unknown[]) => unknown

function blockModules(): void {
  const mod = Module as unknown as { _load: Loader }
  const load = mod._load
  mod._load = function guardedLoad(this: unknown, request: string, ...rest: unknown[]) {
    const name = blockedName(request)
    return name ? stubModule(name) : load.call(this, request, ...rest)
  }
  const proc = process as { getBuiltinModule?: (id: string) => unknown }
  const getBuiltin = proc.getBuiltinModule
  if (getBuiltin) {
    proc.getBuiltinModule = (id: string) => {
      const name = blockedName(id)
      return name ? stubModule(name) : getBuiltin.call(process, id)
    }
  }
}

const NETWORK = ['net', 'tls', 'dgram', 'dns', 'http', 'https', 'http2']
const PROTOTYPES: [string, string, string[]][] = [
  ['net', 'Socket', ['connect']],
  ['net', 'Server', ['listen']],
  ['dgram', 'Socket', ['bind', 'send', 'connect']],
  ['http', 'Agent', ['createConnection']],
]

type Exports = Record<string, unknown>
const lowerFunctions = (exports: Exports) =>
  Object.keys(exports).filter((k) => typeof exports[k] === 'function' && /^[a-z]/.test(k))

/**
 * The real network modules refuse too — also for `import('node:net')`, which Module._load
 * does not see (Pyodide's socket layer imports it that way): every lower-case function and
 * the connecting methods of their classes throw, and the ESM views are synced.
 */
function patchNetworkModules(): void {
  const load = createRequire(import.meta.url)
  for (const name of NETWORK) {
    const exports = load(`node:${name}`) as Exports
    for (const key of lowerFunctions(exports)) exports[key] = () => refuse(name)
    const promises = exports.promises as Exports | undefined
    if (promises) for (const key of lowerFunctions(promises)) promises[key] = () => refuse(name)
  }
  for (const [name, cls, methods] of PROTOTYPES) {
    const proto = ((load(`node:${name}`) as Exports)[cls] as { prototype: Exports }).prototype
    for (const method of methods) proto[method] = () => refuse(name)
  }
  Module.syncBuiltinESMExports()
}

function blockNetworkGlobals(): void {
  const names = ['fetch', 'Request', 'Response', 'Headers', 'FormData', 'WebSocket', 'EventSource']
  for (const name of [...names, 'XMLHttpRequest', 'navigator']) {
    Reflect.deleteProperty(globalThis, name)
  }
}

/** wasm memory never shrinks; past the cap `grow` throws, malloc fails, Python raises MemoryError. */
interface WasmMemory {
  buffer: ArrayBuffer
  grow(pages: number): number
}

function capWasmMemory(maxBytes: number): void {
  const wasm = (globalThis as unknown as { WebAssembly: { Memory: { prototype: WasmMemory } } })
    .WebAssembly
  const proto = wasm.Memory.prototype
  const grow = proto.grow
  proto.grow = function cappedGrow(this: WasmMemory, pages: number) {
    if (this.buffer.byteLength + pages * 65536 > maxBytes) {
      throw new RangeError(`bds: the Python memory cap of ${maxBytes >> 20} MiB was reached`)
    }
    return grow.call(this, pages)
  }
}

/** Under the permission model `process.binding` is denied, but Pyodide's NODEFS asks it for constants. */
function shimBindingConstants(): void {
  const proc = process as unknown as { binding: (name: string) => unknown }
  const binding = proc.binding
  proc.binding = (name: string) =>
    name === 'constants' ? { fs: fs.constants, os: os.constants } : binding.call(process, name)
}

/** Pyodide reports fatal errors on the console; results carry them, so the console stays quiet. */
function silenceConsole(): void {
  for (const name of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    console[name] = () => {}
  }
}

export function installGuards(memoryBytes: number): void {
  shimBindingConstants()
  patchNetworkModules()
  blockModules()
  blockNetworkGlobals()
  capWasmMemory(memoryBytes)
  silenceConsole()
}
