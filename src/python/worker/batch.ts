// Runs a batch in the worker: the harness parses the batch JSON once, then each call runs
// with the control block updated first, so the host's watchdog knows which call is running
// and can interrupt exactly that one. A fatal interpreter error ends the batch.

import type { MessagePort } from 'node:worker_threads'
import type { PyodideAPI } from 'pyodide'
import { CONTROL, epochMs, type RunOutcome, type RunTask, type SiteBlock } from './protocol.js'

interface Harness {
  begin(batch: string): number
  call(index: number, capture?: boolean): string
  check(file: string, source: string, entrypoint?: string | null): string
  set_site(json: string): void
}

const crash = (message: string, kind = 'crash', type = 'FatalError') =>
  JSON.stringify({
    ms: 0,
    r: {
      ok: false,
      stdout: '',
      stderr: '',
      logs: [],
      reads: [],
      error: { kind, type, message, traceback: '', line: null },
    },
  })

/** A Python KeyboardInterrupt (Pyodide's PythonError names its type): the watchdog's signal. */
const isInterrupt = (error: unknown) =>
  (error as { type?: unknown } | undefined)?.type === 'KeyboardInterrupt'

export function createBatchRunner(py: PyodideAPI) {
  const harness = py.pyimport('_bds_harness') as unknown as Harness
  const heap = () => (py as unknown as { _module: { HEAP8: Int8Array } })._module.HEAP8.length
  let siteVersion = -1
  /** When this worker ended its last batch (a batch sent earlier waited for it until then). */
  let previousEnd = 0
  /** What the last call that ended its batch threw out of the harness. */
  let escaped: unknown

  function loadSite(site: SiteBlock | undefined): void {
    if (!site || site.version === siteVersion) return
    const bytes = new Uint8Array(site.bytes, 0, site.length)
    harness.set_site(new TextDecoder().decode(bytes.slice()))
    siteVersion = site.version
  }

  function run(task: RunTask): RunOutcome {
    const began = epochMs()
    const control = new Int32Array(task.control)
    const results: string[] = []
    let recycle = false
    loadSite(task.site)
    const sited = epochMs()
    const count = harness.begin(task.batch)
    const parsed = epochMs()
    py.setInterruptBuffer(control.subarray(CONTROL.signal, CONTROL.signal + 1))
    if (task.stream) streamTo(task.stream)
    try {
      for (let i = 0; i < count; i++) {
        const text = callOnce(control, i, task.timeoutMs, !task.stream)
        if (text === undefined) {
          // An interrupt that lands deep in recursion can exhaust the JavaScript stack too, and
          // one that lands in the harness's own error handling escapes it as KeyboardInterrupt.
          const stopped = Atomics.load(control, CONTROL.signal) !== 0 || isInterrupt(escaped)
          recycle = true
          results.push(
            stopped
              ? crash(
                  'the call was stopped and took its interpreter down',
                  'timeout',
                  'TimeoutError',
                )
              : crash('the Python interpreter failed fatally'),
          )
          break // the host runs the calls after this one on a fresh worker
        }
        if (text.includes('"kind": "memory"')) recycle = true
        results.push(text)
      }
    } finally {
      if (task.stream) streamTo(undefined)
      if (!recycle) py.setInterruptBuffer(undefined as unknown as Int32Array)
    }
    const ended = epochMs()
    const spent = [sited - began, parsed - sited, ended - parsed] as const
    const trace: RunOutcome['trace'] = [began, ...spent, ended, previousEnd]
    previousEnd = ended
    return { results: `[${results.join(',')}]`, recycle, heapBytes: heap(), trace }
  }

  /**
   * One call, wrapped with its time as `{"ms": …, "r": result}`; undefined when the
   * interpreter failed fatally. A timeout before half the limit was a late signal meant for
   * the previous call: that call is run again.
   */
  function callOnce(
    control: Int32Array,
    index: number,
    timeoutMs: number,
    capture: boolean,
  ): string | undefined {
    let text = ''
    let ms = 0
    for (let attempt = 0; attempt < 2; attempt++) {
      Atomics.store(control, CONTROL.signal, 0)
      Atomics.store(control, CONTROL.index, index)
      Atomics.add(control, CONTROL.seq, 1)
      const started = performance.now()
      try {
        text = harness.call(index, capture)
      } catch (error) {
        escaped = error
        return undefined
      }
      ms = performance.now() - started
      if (!(ms < timeoutMs / 2 && text.includes('"kind": "timeout"'))) break
    }
    return `{"ms":${ms.toFixed(3)},"r":${text}}`
  }

  /** Python's own stdout/stderr (line-buffered, as on a terminal) go to the port, or nowhere. */
  function streamTo(port: MessagePort | undefined): void {
    for (const name of ['stdout', 'stderr'] as const) {
      const decoder = new TextDecoder()
      const write = (buffer: Uint8Array) => {
        port?.postMessage([name, decoder.decode(buffer, { stream: true })])
        return buffer.length
      }
      const options = { write, isatty: port !== undefined }
      if (name === 'stdout') py.setStdout(options)
      else py.setStderr(options)
    }
  }

  function check(scripts: string): string {
    const list = JSON.parse(scripts) as { file: string; source: string; entrypoint?: string }[]
    const named = (s: (typeof list)[number]) =>
      typeof s.entrypoint === 'string' ? s.entrypoint : null
    return `[${list.map((s) => harness.check(s.file, s.source, named(s))).join(',')}]`
  }

  return { run, check }
}
