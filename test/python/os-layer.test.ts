// The Linux OS layer around the sandbox child (src/python/sandbox/os-layer.ts, root.sh), tested
// for real: a node script started through wrap() with the IPC slot the sandbox uses probes
// files, processes, environment and network from inside, against servers started here.

import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createSocket } from 'node:dgram'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { createServer, type Server } from 'node:net'
import { basename, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { detectOsLayer, probeOsLayer, ROOT_SCRIPT } from '../../src/python/sandbox/os-layer.js'
import { readableMounts } from '../../src/python/sandbox/os-paths.js'
import { exitOf, until } from '../helpers/events.js'
import { tempDir } from '../helpers/site.js'

const layer = detectOsLayer()
const none = layer.kind === 'none'

/** Runs inside: every probe's outcome ('ok…' or an error code), sent over IPC; then echoes. */
const PROBE = `
const fs = require('fs'), net = require('net'), dgram = require('dgram'), os = require('os')
const cfg = JSON.parse(process.argv[1])
const code = (f) => { try { return 'ok:' + String(f()) } catch (e) { return e.info?.code || e.code || String(e) } }
const connect = (target) => new Promise((done) => {
  const s = net.connect(target)
  s.setTimeout(1000, () => { s.destroy(); done('timeout') })
  s.on('connect', () => { s.write('hello'); s.end(); done('connected') })
  s.on('error', (e) => done(e.code))
})
const udp = () => new Promise((done) => {
  const s = dgram.createSocket('udp4')
  s.send('hello', cfg.udp, '127.0.0.1', (e) => { s.close(); done(e ? e.code : 'sent') })
})
const listing = (dir) => code(() => JSON.stringify(fs.readdirSync(dir)))
async function main() {
  const environ = fs.readFileSync('/proc/self/environ', 'utf8').split('\\0').filter(Boolean)
  const r = {
    environKeys: environ.map((kv) => kv.split('=')[0]).sort(),
    processEnvKeys: Object.keys(process.env),
    tcp: await connect({ port: cfg.tcp, host: '127.0.0.1' }),
    udp: await udp(),
    unixPath: await connect(cfg.unixPath),
    abstract: await connect(cfg.abstract),
    root: listing('/'),
    home: listing('/home'), tmp: listing('/tmp'), run: listing('/run'), rootHome: listing('/root'),
    etc: listing('/etc'),
    secret: code(() => fs.readFileSync(cfg.secret, 'utf8')),
    viaSymlink: code(() => fs.readFileSync(cfg.link, 'utf8')),
    readableFile: code(() => fs.readFileSync(cfg.readableFile, 'utf8')),
    hiddenSibling: code(() => fs.readFileSync(cfg.hiddenSibling, 'utf8')),
    readableDir: listing(cfg.readableDir),
    writeReadable: code(() => fs.writeFileSync(cfg.readableDir + '/new.txt', 'x')),
    writeRoot: code(() => fs.mkdirSync('/tmp2')),
    killParent: code(() => process.kill(cfg.parentPid, 0)),
    reniceParent: code(() => os.setPriority(cfg.parentPid, 19)),
    pid: process.pid,
    hostname: os.hostname(),
    caps: fs.readFileSync('/proc/self/status', 'utf8').match(/^CapEff:\\s*(\\w+)/m)[1],
    procWrite: code(() => fs.writeFileSync('/proc/sys/kernel/printk_ratelimit', '5')),
  }
  process.send({ results: r })
  process.on('message', (m) => m === 'bye' ? process.disconnect() : process.send({ echo: m }))
}
main()
`

interface Listeners {
  tcp: Server
  unixPath: Server
  abstract: Server
  udp: ReturnType<typeof createSocket>
  received: string[]
}

async function startListeners(dir: string, abstract: string): Promise<Listeners> {
  const received: string[] = []
  const record = (name: string) => (s: import('node:net').Socket) => {
    received.push(name)
    s.destroy()
  }
  const listen = (server: Server, target: string | number) =>
    new Promise<Server>((done) => server.listen(target as never, () => done(server)))
  const tcp = createServer(record('tcp'))
  await new Promise<void>((done) => tcp.listen(0, '127.0.0.1', done))
  const unixPath = await listen(createServer(record('unix path')), join(dir, 'host.sock'))
  const abstractServer = await listen(createServer(record('abstract')), `\0${abstract}`)
  const udp = createSocket('udp4').on('message', () => received.push('udp'))
  await new Promise<void>((done) => udp.bind(0, '127.0.0.1', done))
  return { tcp, unixPath, abstract: abstractServer, udp, received }
}

function startWrapped(command: string[], readable: string[]): ChildProcess {
  const argv = layer.wrap(command, readable)
  return spawn(argv[0] as string, argv.slice(1), {
    env: {},
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'advanced',
  })
}

const nextMessage = (child: ChildProcess) =>
  new Promise<Record<string, unknown>>((done, fail) => {
    let stderr = ''
    child.stderr?.on('data', (d) => {
      stderr += d
    })
    child.once('message', (m) => done(m as Record<string, unknown>))
    child.once('exit', (c) => fail(new Error(`exited with ${c} before answering:\n${stderr}`)))
  })

/** Host pids of node processes whose command line holds `marker` (the inner process only). */
function processesWith(marker: string): number[] {
  const pids: number[] = []
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const argv = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0')
      if (argv[0] === process.execPath && argv.includes(marker)) pids.push(Number(name))
    } catch {}
  }
  return pids
}

describe('detection', () => {
  it('BDS_SANDBOX_OS=off gives no OS layer and leaves the command unchanged', () => {
    const off = probeOsLayer({ env: { BDS_SANDBOX_OS: 'off' } })
    expect(off.kind).toBe('none')
    expect(off.reason).toContain('BDS_SANDBOX_OS=off')
    const command = [process.execPath, '--experimental-permission', 'entry.js']
    expect(off.wrap(command, ['/opt/bds/dist'])).toEqual(command)
    off.cleanup()
    off.cleanup()
  })

  it('there is no OS layer outside Linux, and the reason says why', () => {
    const mac = probeOsLayer({ env: {}, platform: 'darwin' })
    expect(mac.kind).toBe('none')
    expect(mac.reason).toContain('darwin')
  })

  it('the result is detected once and cached', () => {
    expect(detectOsLayer()).toBe(layer)
    expect(layer.reason.length).toBeGreaterThan(10)
  })

  it('readable paths are normalised; system folders and nested paths are not bound twice', () => {
    expect(readableMounts(['/a/b/', '/a/b/c', '/usr/lib/node', '/lib/x', '/a/b2', '/a/b'])).toEqual(
      ['/a/b', '/a/b2'],
    )
    for (const bad of ['relative/dir', '/', '/proc/self', '/dev', '/sys/kernel'])
      expect(() => readableMounts([bad])).toThrow(/cannot make/)
  })
})

describe.skipIf(none)(none ? `OS layer (skipped: ${layer.reason})` : 'OS layer', () => {
  let dir: string
  let listeners: Listeners
  let cfg: Record<string, unknown>
  let readable: string[]
  const abstract = `bds-os-layer-${randomBytes(6).toString('hex')}`
  const secretText = `secret-${randomBytes(8).toString('hex')}`

  beforeAll(async () => {
    dir = realpathSync(tempDir('bds-os-layer-'))
    const readableDir = join(dir, 'read able')
    mkdirSync(join(dir, 'secret'))
    mkdirSync(readableDir)
    mkdirSync(join(dir, 'files'))
    writeFileSync(join(dir, 'secret', 'key.txt'), secretText)
    symlinkSync(join(dir, 'secret', 'key.txt'), join(readableDir, 'link.txt'))
    writeFileSync(join(readableDir, 'ok.txt'), 'ok')
    writeFileSync(join(dir, 'files', 'visible.txt'), 'visible')
    writeFileSync(join(dir, 'files', 'hidden.txt'), 'hidden')
    listeners = await startListeners(dir, abstract)
    readable = [readableDir, join(dir, 'files', 'visible.txt')]
    cfg = {
      tcp: (listeners.tcp.address() as { port: number }).port,
      udp: listeners.udp.address().port,
      unixPath: join(dir, 'host.sock'),
      abstract: `\0${abstract}`,
      secret: join(dir, 'secret', 'key.txt'),
      link: join(readableDir, 'link.txt'),
      readableDir,
      readableFile: join(dir, 'files', 'visible.txt'),
      hiddenSibling: join(dir, 'files', 'hidden.txt'),
      parentPid: process.pid,
    }
  })

  afterAll(() => {
    listeners?.tcp.close()
    listeners?.unixPath.close()
    listeners?.abstract.close()
    listeners?.udp.close()
    layer.cleanup()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('the wrapper is setpriv --pdeathsig, then unshare with every namespace, then root.sh', () => {
    const argv = layer.wrap(['/usr/bin/node', 'x.js'], ['/opt/bds/dist'])
    expect(argv.slice(1, 3)).toEqual(['--pdeathsig', 'SIGKILL'])
    expect(argv[0]).toMatch(/\/setpriv$/)
    expect(argv[3]).toMatch(/\/unshare$/)
    for (const flag of ['--user', '--map-root-user', '--mount', '--net', '--pid', '--kill-child'])
      expect(argv).toContain(flag)
    const script = argv.indexOf(ROOT_SCRIPT)
    expect(argv.slice(script - 2, script)).toEqual(['--', expect.stringMatching(/\/sh$/)])
    expect(argv.slice(script + 2)).toEqual(['/opt/bds/dist', '--', '/usr/bin/node', 'x.js'])
  })

  it('inside: no environment, no network, no host files, no parent; IPC works both ways', async () => {
    const child = startWrapped([process.execPath, '-e', PROBE, JSON.stringify(cfg)], readable)
    const { results: r } = (await nextMessage(child)) as { results: Record<string, unknown> }
    child.send({ n: 42 })
    expect(await nextMessage(child)).toEqual({ echo: { n: 42 } })
    child.send('bye')
    await exitOf(child)

    expect(r.environKeys).toEqual(['NODE_CHANNEL_FD', 'NODE_CHANNEL_SERIALIZATION_MODE'])
    expect(r.processEnvKeys).toEqual([])
    // The new network namespace has no interface up, not even loopback.
    expect(r.tcp).toBe('ENETUNREACH')
    expect(r.udp).toBe('ENETUNREACH')
    expect(r.unixPath).toBe('ENOENT')
    expect(r.abstract).toBe('ECONNREFUSED')
    expect(listeners.received).toEqual([])

    const root = JSON.parse((r.root as string).slice(3)) as string[]
    for (const name of ['etc', 'home', 'run', 'root', 'sys', 'var', 'opt'])
      expect(root).not.toContain(name)
    expect(r.tmp).toBe(`ok:${JSON.stringify([basename(dir)])}`)
    for (const key of ['home', 'run', 'rootHome', 'etc']) expect(r[key]).toBe('ENOENT')
    expect(r.secret).toBe('ENOENT')
    expect(r.viaSymlink).toBe('ENOENT')
    expect(r.readableFile).toBe('ok:visible')
    expect(r.hiddenSibling).toBe('ENOENT')
    expect(JSON.parse((r.readableDir as string).slice(3)).sort()).toEqual(['link.txt', 'ok.txt'])
    expect(r.writeReadable).toBe('EROFS')
    expect(r.writeRoot).toBe('EROFS')
    expect(existsSync(join(cfg.readableDir as string, 'new.txt'))).toBe(false)

    expect(r.killParent).toBe('ESRCH')
    expect(r.reniceParent).toBe('ESRCH') // the parent is outside the new PID namespace
    expect(r.pid).toBe(1)
    expect(r.hostname).toBe('bds-sandbox')
    expect(r.caps).toMatch(/^0+$/)
    expect(r.procWrite).toBe('EROFS')
    expect(JSON.stringify(r)).not.toContain(secretText)
  })

  it('SIGKILL on the wrapper takes the inner node process down', async () => {
    const marker = `bds-os-layer-marker-${randomBytes(6).toString('hex')}`
    const script = "process.send('ready'); setInterval(() => {}, 1000)"
    const child = startWrapped([process.execPath, '-e', script, marker], [])
    expect(await nextMessage(child)).toBe('ready')
    const inner = processesWith(marker)
    expect(inner).toHaveLength(1)
    expect(inner[0]).not.toBe(child.pid)
    child.kill('SIGKILL')
    await exitOf(child)
    await until(() => processesWith(marker).length === 0, 'the inner node process exiting')
  })

  it('a readable folder on a host mount with locked noexec and nodev is bound read-only too', async () => {
    // An outer user namespace mounts a noexec,nodev tmpfs (the inner one cannot clear those).
    const locked = join(dir, 'locked')
    mkdirSync(locked)
    const script = `const fs = require('fs'); const w = (() => { try { fs.writeFileSync(process.argv[1] + '/x', 'x'); return 'written' } catch (e) { return e.code } })(); process.send({ read: fs.readFileSync(process.argv[1] + '/f', 'utf8'), w })`
    const inner = layer.wrap([process.execPath, '-e', script, locked], [locked])
    const outer = `mount -t tmpfs -o noexec,nodev,nosuid tmpfs "$1" && echo data > "$1/f" && shift && exec "$@"`
    const argv = [
      'unshare',
      '--user',
      '--map-root-user',
      '--mount',
      'sh',
      '-c',
      outer,
      'sh',
      locked,
    ]
    const child = spawn('/usr/bin/env', [...argv, ...inner], {
      env: {},
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
    })
    expect(await nextMessage(child)).toEqual({ read: 'data\n', w: 'EROFS' })
    child.kill('SIGKILL')
    await exitOf(child)
  })

  it('cleanup() removes the mount-point folder, is safe to call twice, and a running child keeps working', async () => {
    const script = `process.send('ready'); process.on('message', () => { process.send(require('fs').readdirSync(process.argv[1])); process.disconnect() })`
    const readableDir = cfg.readableDir as string
    const argv = layer.wrap([process.execPath, '-e', script, readableDir], [readableDir])
    const mountDir = argv[argv.indexOf(ROOT_SCRIPT) + 1] as string
    expect(existsSync(mountDir)).toBe(true)
    const child = spawn(argv[0] as string, argv.slice(1), {
      env: {},
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
    })
    expect(await nextMessage(child)).toBe('ready')
    layer.cleanup()
    layer.cleanup()
    expect(existsSync(mountDir)).toBe(false)
    child.send('go')
    expect(((await nextMessage(child)) as unknown as string[]).sort()).toEqual([
      'link.txt',
      'ok.txt',
    ])
  })
})
