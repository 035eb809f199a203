// asyncio in `async def` entrypoints (#16): sleep, gather, tasks, wait_for, timeouts and
// queues on bds's own event loop, whose clock moves by what coroutines wait (no host timer);
// the network, processes and threads refuse with bds's message; asyncio leads nowhere else.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PythonHost } from '../../src/python/index.js'
import { call, py, script, testHost } from '../helpers/python.js'

let host: PythonHost
beforeAll(async () => {
  host = testHost({ workers: 1, timeoutMs: 60_000 })
  await host.start()
})
afterAll(() => host.stop())

const run = async (name: string, ...lines: string[]) =>
  call(host, script(name, py('import asyncio', ...lines)), {})

describe('async def entrypoints on bds event loop', () => {
  it('runs sleep, gather, tasks, wait_for, timeouts and queues', async () => {
    const r = await run(
      'together',
      'async def worker(n, q):',
      '    await asyncio.sleep(n)',
      '    await q.put(n)',
      '    return n * 10',
      'async def render(c):',
      '    q = asyncio.Queue()',
      '    done = await asyncio.gather(*(worker(n, q) for n in (3, 1, 2)))',
      '    task = asyncio.create_task(worker(5, q))',
      '    try:',
      '        await asyncio.wait_for(asyncio.sleep(3600), timeout=1)',
      '        late = False',
      '    except TimeoutError:',
      '        late = True',
      '    async with asyncio.timeout(10):',
      '        await task',
      '    order = [q.get_nowait() for _ in range(4)]',
      '    return {"done": done, "late": late, "order": order,',
      '            "clock": asyncio.get_running_loop().time()}',
    )
    expect(r.error).toBeUndefined()
    // The clock moved by what was waited (3 s, 1 s for the timeout, then 4 s more), at once.
    expect(r.value).toEqual({ done: [30, 10, 20], late: true, order: [1, 2, 3, 5], clock: 8 })
    expect(r.ms).toBeLessThan(60_000)
  })

  it('lets a plain def render use asyncio.run, and cancels tasks a call left behind', async () => {
    const r = await run(
      'plain',
      'async def main():',
      '    asyncio.create_task(asyncio.sleep(10))',
      '    await asyncio.sleep(1)',
      '    return len(asyncio.all_tasks())',
      'def render(c):',
      '    return asyncio.run(main())',
    )
    expect(r.value).toBe(2)
    const again = await run('after', 'async def render(c):', '    return len(asyncio.all_tasks())')
    expect(again.value).toBe(1)
  })

  it('fails a coroutine that waits for what never comes, instead of hanging', async () => {
    const r = await run(
      'forever',
      'async def render(c):',
      '    await asyncio.get_running_loop().create_future()',
    )
    expect(r.error).toMatchObject({ kind: 'exception', type: 'RuntimeError' })
    expect(r.error?.message).toContain('waits for something that never happens')
  })

  it('stops a busy coroutine at the timeout like any other call', async () => {
    const quick = testHost({ workers: 1, timeoutMs: 1000 })
    try {
      const s = script(
        'spin',
        py(
          'import asyncio',
          'async def render(c):',
          '    while True:',
          '        await asyncio.sleep(0)',
        ),
      )
      const [spun, after] = await quick.run([
        { script: s, args: [{}] },
        { script: script('fine', py('def render(c):', '    return "ok"')), args: [{}] },
      ])
      expect(spun?.error?.kind).toBe('timeout')
      expect(after?.value).toBe('ok')
    } finally {
      await quick.stop()
    }
  })
})

describe('asyncio reaches no network, process, thread or JavaScript', () => {
  it.each([
    ['open_connection', 'await asyncio.open_connection("127.0.0.1", 80)', 'create_connection'],
    [
      'start_server',
      'await asyncio.start_server(lambda r, w: None, "127.0.0.1", 0)',
      'create_server',
    ],
    ['subprocess', 'await asyncio.create_subprocess_exec("id")', 'subprocess_exec'],
    ['shell', 'await asyncio.create_subprocess_shell("id")', 'subprocess_shell'],
    ['resolve', 'await asyncio.get_running_loop().getaddrinfo("example.com", 80)', 'getaddrinfo'],
    ['thread', 'await asyncio.to_thread(print, 1)', 'run_in_executor'],
  ])('%s refuses with the usual message', async (name, line, method) => {
    const r = await run(`refuse_${name}`, 'async def render(c):', `    ${line}`)
    expect(r.error).toMatchObject({
      type: 'PermissionError',
      message: `bds: asyncio's ${method} is not available to scripts (no JavaScript, processes or network)`,
    })
  })

  it("cuts asyncio's own references to socket, subprocess and select", async () => {
    const r = await run(
      'refs',
      'import selectors',
      'def render(c):',
      '    out = []',
      '    for get in (lambda: asyncio.base_events.socket.socket,',
      '                lambda: asyncio.events.subprocess.Popen,',
      '                lambda: asyncio.unix_events.subprocess.Popen,',
      '                lambda: selectors.select.select):',
      '        try:',
      '            get()',
      '            out.append("reached")',
      '        except ImportError as e:',
      '            out.append(str(e))',
      '    return out',
    )
    expect(r.value).toEqual([
      "bds: module 'socket' is not available to scripts (no JavaScript, processes or network)",
      "bds: module 'subprocess' is not available to scripts (no JavaScript, processes or network)",
      "bds: module 'subprocess' is not available to scripts (no JavaScript, processes or network)",
      "bds: module 'select' is not available to scripts (no JavaScript, processes or network)",
    ])
  })

  it('holds no reference to Pyodide, JavaScript, sockets or processes anywhere in asyncio', async () => {
    // Walks everything asyncio's own modules, classes and functions hold (not other modules'
    // globals, which any script reaches through `import sys` anyway) and the loop it runs on.
    const r = await run(
      'walk',
      'import sys, time, types',
      'BAD = ("js", "pyodide", "_pyodide", "socket", "_socket", "subprocess", "_posixsubprocess",',
      '       "select", "ssl", "_ssl", "ctypes", "_ctypes")',
      'def bad(name):',
      '    return any(name == b or name.startswith(b + ".") or name.startswith(b + "_") for b in BAD)',
      'def own(name):',
      '    return name == "asyncio" or name.startswith("asyncio.") or name == "_bds_aio"',
      'async def render(c):',
      '    loop = asyncio.get_running_loop()',
      '    todo = [(m, n) for n, m in sys.modules.items() if own(n)]',
      '    todo += [(loop, "loop"), (asyncio.events._get_event_loop_policy(), "policy")]',
      '    todo += [(time.sleep, "time.sleep"), (asyncio.run, "asyncio.run")]',
      '    seen, found = set(), []',
      '    while todo:',
      '        obj, path = todo.pop()',
      '        if id(obj) in seen:',
      '            continue',
      '        seen.add(id(obj))',
      '        kind = type(obj)',
      '        if "Js" in kind.__name__ or bad(kind.__module__ or ""):',
      '            found.append(path)',
      '        elif isinstance(obj, types.ModuleType):',
      '            if kind.__name__ == "_Refused":',
      '                continue',
      '            if bad(obj.__name__):',
      '                found.append(path)',
      '            elif own(obj.__name__):',
      '                todo += [(v, f"{path}.{k}") for k, v in vars(obj).items()]',
      '        elif isinstance(obj, type):',
      '            if issubclass(obj, BaseException):',
      '                continue  # exception classes (ssl.SSLWantReadError) do nothing',
      '            if bad(obj.__module__ or ""):',
      '                found.append(path)',
      '            elif own(obj.__module__ or ""):',
      '                todo += [(v, f"{path}.{k}") for k, v in vars(obj).items()]',
      '        elif isinstance(obj, types.FunctionType):',
      '            if bad(obj.__module__ or ""):',
      '                found.append(path)',
      '            elif own(obj.__module__ or "") or path in ("time.sleep", "asyncio.run"):',
      '                cells = [c.cell_contents for c in obj.__closure__ or () if c.cell_contents is not None]',
      '                todo += [(v, f"{path}.<closure>") for v in cells]',
      '                todo += [(v, f"{path}.<default>") for v in obj.__defaults__ or ()]',
      '        elif isinstance(obj, (staticmethod, classmethod)):',
      '            todo.append((obj.__func__, path))',
      '        elif isinstance(obj, property):',
      '            todo += [(f, path) for f in (obj.fget, obj.fset, obj.fdel) if f]',
      '        elif isinstance(obj, dict):',
      '            todo += [(v, f"{path}[{k!r}]") for k, v in obj.items()]',
      '        elif isinstance(obj, (list, tuple, set, frozenset)):',
      '            todo += [(v, f"{path}[]") for v in obj]',
      '        elif own(kind.__module__ or "") and hasattr(obj, "__dict__"):',
      '            todo += [(v, f"{path}.{k}") for k, v in vars(obj).items()]',
      '    return {"walked": len(seen), "found": found}',
    )
    expect(r.error).toBeUndefined()
    const value = r.value as { walked: number; found: string[] }
    expect(value.found).toEqual([])
    expect(value.walked).toBeGreaterThan(1000)
  })
})
