// The sandbox child, configured as in production: the flags it really runs with, what a
// compromised child could reach (probed with JavaScript run inside it through a test hook),
// the known Python escapes, malformed and wrong-version messages, and a dead parent leaving
// no child behind.

import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSandboxHost, type SandboxHost } from '../../src/python/sandbox/host.js'
import { readablePaths } from '../../src/python/sandbox/launch.js'
import { WIRE_VERSION } from '../../src/python/wire.js'
import { exitOf, goneOf, startTimeOf, within } from '../helpers/events.js'
import { call, py, script, testCacheDir } from '../helpers/python.js'
import { repoRoot } from '../helpers/site.js'

let host: SandboxHost
const dir = mkdtempSync(join(tmpdir(), 'bds-sandbox-'))
const secret = `secret-${process.pid}-${Date.now()}`
const secretFile = join(dir, 'secret.txt')
const canary = join(dir, 'CANARY')
const ok = script('ok', py('def render(c):', '    return "fine"'))

beforeAll(async () => {
  writeFileSync(secretFile, secret)
  process.env.BDS_TEST_SECRET = secret
  // No call here may end by its timeout: one spins until its child is killed under it.
  host = createSandboxHost(
    { workers: 1, timeoutMs: 600_000, memoryMiB: 256, cacheDir: testCacheDir },
    { probes: true },
  )
  await host.start()
})
afterAll(async () => {
  await host.stop()
  delete process.env.BDS_TEST_SECRET
})

const probe = (source: string) => host.probe(`(async () => { ${source} })()`)
const denied = (expr: string) =>
  probe(`try { ${expr}; return 'allowed' } catch (e) { return e.code ?? e.name }`)

describe('the sandbox child runs with the production flags', () => {
  it('has the permission model, no code generation, no write access and an empty environment', async () => {
    const seen = (await probe(`return {
      execArgv: process.execArgv,
      write: process.permission.has('fs.write'),
      child: process.permission.has('child'),
      env: process.env,
    }`)) as { execArgv: string[]; write: boolean; child: boolean; env: Record<string, string> }
    expect(seen.execArgv).toContain(
      process.allowedNodeEnvironmentFlags.has('--permission')
        ? '--permission'
        : '--experimental-permission',
    )
    expect(seen.execArgv).toContain('--disallow-code-generation-from-strings')
    expect(seen.execArgv.some((a) => a.startsWith('--allow-fs-write'))).toBe(false)
    const reads = seen.execArgv.filter((a) => a.startsWith('--allow-fs-read='))
    expect(reads.map((a) => a.slice('--allow-fs-read='.length))).toEqual(readablePaths())
    expect(reads.every((a) => !a.includes(','))).toBe(true)
    expect([seen.write, seen.child]).toEqual([false, false])
    expect(Object.keys(seen.env).filter((k) => !k.startsWith('NODE_CHANNEL'))).toEqual([])
  })

  it('never allows the site, the home folder, /proc or the ws package', () => {
    const paths = readablePaths()
    expect(paths.some((p) => p === '/proc' || p.startsWith('/proc/') || p === tmpdir())).toBe(false)
    expect(paths.some((p) => p.includes('node_modules/ws'))).toBe(false)
    expect(paths.every((p) => p.startsWith(repoRoot.replace(/\/$/, '')))).toBe(true)
  })
})

describe('JavaScript inside the child reaches nothing', () => {
  it('cannot read host files, directly or through a symlink, or its environment', async () => {
    symlinkSync(secretFile, join(dir, 'link'))
    const fs = `process.getBuiltinModule('fs')`
    expect(await denied(`${fs}.readFileSync(${JSON.stringify(secretFile)})`)).toBe(
      'ERR_ACCESS_DENIED',
    )
    expect(await denied(`${fs}.readFileSync('/proc/self/environ')`)).toBe('ERR_ACCESS_DENIED')
    expect(await denied(`${fs}.readFileSync('/proc/${process.pid}/environ')`)).toBe(
      'ERR_ACCESS_DENIED',
    )
    expect(await denied(`${fs}.readdirSync(${JSON.stringify(dir)})`)).toBe('ERR_ACCESS_DENIED')
  })

  it('cannot write anywhere, start processes or load native code', async () => {
    const fs = `process.getBuiltinModule('fs')`
    expect(await denied(`${fs}.writeFileSync(${JSON.stringify(canary)}, 'x')`)).toBe(
      'ERR_ACCESS_DENIED',
    )
    expect(
      await denied(
        `${fs}.writeFileSync(${JSON.stringify(join(readablePaths()[0] as string, 'x'))}, 'x')`,
      ),
    ).toBe('ERR_ACCESS_DENIED')
    expect(
      await denied(
        `process.getBuiltinModule('child_process').spawnSync('sh', ['-c', 'touch ${canary}'])`,
      ),
    ).toBe('ERR_ACCESS_DENIED')
    expect(await denied(`process.binding('fs')`)).toBe('ERR_ACCESS_DENIED')
    expect(await denied(`process.getBuiltinModule('inspector').open()`)).toBe('ERR_ACCESS_DENIED')
    expect(
      await denied(`new (process.getBuiltinModule('wasi').WASI)({ version: 'preview1' })`),
    ).toBe('ERR_ACCESS_DENIED')
    expect(
      await denied(`process.report.writeReport(${JSON.stringify(join(dir, 'report.json'))})`),
    ).toBe('ERR_ACCESS_DENIED')
    expect(
      await denied(
        `process.getBuiltinModule('v8').writeHeapSnapshot(${JSON.stringify(join(dir, 'heap'))})`,
      ),
    ).toBe('ERR_ACCESS_DENIED')
    expect(existsSync(join(dir, 'report.json'))).toBe(false)
    // The permission model turns addons off before any path is looked at.
    expect(await denied(`process.dlopen({ exports: {} }, '/nonexistent.node')`)).toBe(
      'ERR_DLOPEN_DISABLED',
    )
    expect(existsSync(canary)).toBe(false)
  })

  it('passes its restrictions on to a nested worker', async () => {
    const result = await probe(`
      const { Worker } = process.getBuiltinModule('worker_threads')
      const w = new Worker("try { require('fs').readFileSync(${JSON.stringify(JSON.stringify(secretFile)).slice(1, -1)}); require('worker_threads').parentPort.postMessage('read') } catch (e) { require('worker_threads').parentPort.postMessage(e.code) }", { eval: true })
      return await new Promise((resolve) => w.once('message', resolve))`)
    expect(result).toBe('ERR_ACCESS_DENIED')
  })
})

describe('known Python escapes end in the sandbox', () => {
  it('os.system and ctypes run no command', async () => {
    const r = await call(
      host,
      script('sys', py('import os', 'def render(c):', `    return os.system("touch ${canary}")`)),
      {},
    )
    expect(r.value).toBe(32512)
    const c = await call(
      host,
      script('ct', py('def render(c):', '    import ctypes', '    return 1')),
      {},
    )
    expect(c.error?.type).toBe('ImportError')
    expect(existsSync(canary)).toBe(false)
  })

  it('removing the import blocker and evaluating JavaScript through ctypes only kills a worker', async () => {
    const evil = script(
      'evil',
      py(
        'import sys',
        'def render(c):',
        '    sys.meta_path.pop(0)',
        '    import ctypes',
        `    ctypes.CDLL(None).emscripten_run_script_string(b"require('fs').writeFileSync('${canary}', 'x')")`,
        '    return "escaped"',
      ),
    )
    const [bad, next] = await host.run([
      { script: evil, args: [{}] },
      { script: ok, args: [{ n: 1 }] },
    ])
    expect(bad?.value).not.toBe('escaped')
    expect(next?.value).toBe('fine')
    expect(existsSync(canary)).toBe(false)
  })

  it('the Function constructor behind a JS proxy refuses to compile', async () => {
    const fn = script(
      'fn',
      py(
        'import _imp, sys',
        'def render(c):',
        '    spec = sys.modules["_frozen_importlib"].BuiltinImporter.find_spec("_pyodide_core")',
        '    core = _imp.create_builtin(spec)',
        '    try:',
        '        f = core.to_js([]).constructor.constructor',
        '        return str(f("return process.pid")())',
        '    except Exception as e:',
        '        return type(e).__name__ + ": " + str(e)[:200]',
      ),
    )
    const r = await call(host, fn, {})
    expect(r.value).toBe(
      'JsException: EvalError: Code generation from strings disallowed for this context',
    )
    expect((await call(host, ok, { n: 2 })).value).toBe('fine')
  })
})

describe('the main process distrusts the child', () => {
  it('drops malformed and unknown messages of its wire version and keeps working', async () => {
    const child = host.child()
    await probe(`const v = ${WIRE_VERSION}
      process.send('garbage'); process.send(null); process.send({ t: 'res', id: 99999, ok: true, value: 1, v })
      process.send({ t: 'out', id: 1, text: { evil: true }, v }); process.send({ t: 'nonsense', v })
      return 1`)
    expect((await call(host, ok, { n: 3 })).value).toBe('fine')
    expect(host.child()).toBe(child)
  })

  it('refuses a child that sends a message of another wire version, and starts a new one', async () => {
    const child = host.child()
    const refused = probe(`process.send({ t: 'pong', n: 1, v: ${WIRE_VERSION + 1} }); return 1`)
    await expect(refused).rejects.toMatchObject({
      code: 'BDS_PYTHON_WIRE_VERSION',
      message: expect.stringContaining(
        `The Python sandbox speaks wire version ${WIRE_VERSION + 1}`,
      ),
    })
    await exitOf(child as NonNullable<typeof child>)
    expect((await call(host, ok, { n: 4 })).value).toBe('fine')
    expect(host.child()).not.toBe(child)
  })

  it('fails the open calls when the child dies under them, and restarts', async () => {
    const spin = script(
      'spin',
      py('def render(c):', '    print("spinning", flush=True)', '    while True:', '        pass'),
    )
    const child = host.child()
    // Killed once the call is surely running: when its first output arrives.
    const running = host.run([{ script: spin, args: [{}] }], {
      onOutput: () => child?.kill('SIGKILL'),
    })
    const [r] = await within(running, 'the spinning call failing')
    expect(r?.error).toMatchObject({ kind: 'crash', type: 'SandboxError' })
    expect(r?.error?.message).toMatch(/^the Python sandbox exited \(SIGKILL\)/)
    expect((await call(host, ok, { n: 5 })).value).toBe('fine')
    expect(host.child()).not.toBe(child)
  })
})

describe('no sandbox outlives bds', () => {
  it('the child exits when its parent is SIGKILLed while a macro spins', async () => {
    const runner = join(dir, 'runner.mjs')
    writeFileSync(
      runner,
      `import { createSandboxHost } from ${JSON.stringify(join(repoRoot, 'dist/python/sandbox/host.js'))}
const host = createSandboxHost({ workers: 1, timeoutMs: 600000, memoryMiB: 256, cacheDir: ${JSON.stringify(testCacheDir)} })
await host.start()
const spin = { id: 'spin', slug: 'spin', file: 'scripts/spin.py', hash: 'h', entrypoint: 'render', source: 'def render(c):\\n    print("spinning", flush=True)\\n    while True: pass\\n' }
await host.run([{ script: spin, args: [{}] }], { onOutput: () => console.log(host.child().pid) })`,
    )
    const parent = spawn(process.execPath, [runner], { stdio: ['ignore', 'pipe', 'inherit'] })
    // The runner prints the child's pid once the macro is spinning in it.
    const died = once(parent, 'exit').then(([code]) => {
      throw new Error(`the runner exited (code ${code}) before the macro ran`)
    })
    const [line] = await within(
      Promise.race([once(createInterface({ input: parent.stdout }), 'line'), died]),
      'the macro starting to spin',
    )
    died.catch(() => {})
    const pid = Number(line)
    expect(startTimeOf(pid)).toBeDefined()
    parent.kill('SIGKILL')
    await exitOf(parent)
    await goneOf(pid, 'the orphaned sandbox child exiting')
  })
})
