// The Python runtime's model: a script as the workers see it (source sent as data, never a
// path), one call of its entrypoint, what comes back, and the PythonHost seam that runs
// calls in a pool of Pyodide workers (in-process threads, or a sandbox child process).

export interface ScriptSource {
  /** Script id from the index (stable across renames). */
  id: string
  slug: string
  /** Path relative to the site root, e.g. `scripts/hello.py`: the traceback's file name. */
  file: string
  source: string
  /** Content hash; with `id` it keys the compiled module in each worker. */
  hash: string
  entrypoint: string
}

export interface PythonCall {
  script: ScriptSource
  /** JSON-serialisable positional arguments; trimmed to as many as the entrypoint takes. */
  args: unknown[]
  /** Keyword arguments (a macro's declared parameters), JSON-serialisable. */
  kwargs?: Record<string, unknown>
}

export type PythonErrorKind =
  | 'exception' // the script raised
  | 'timeout' // interrupted (soft) or its worker replaced (hard) after python.timeoutMs
  | 'memory' // MemoryError or the per-worker memory cap; the worker is replaced
  | 'crash' // the interpreter or the worker died (fatal error); the worker is replaced
  | 'missing' // the entrypoint does not exist
  | 'output' // the result or the captured output is over the size limits

export interface PythonError {
  kind: PythonErrorKind
  /** Python exception type, e.g. `ZeroDivisionError`. */
  type: string
  message: string
  /** Formatted traceback, file names as in ScriptSource.file; '' when there is none. */
  traceback: string
  /** Line in the script of the innermost frame of that script, when known. */
  line?: number
}

export interface PythonCallResult {
  ok: boolean
  /** The entrypoint's return value, as JSON data (when ok). */
  value?: unknown
  error?: PythonError
  stdout: string
  stderr: string
  /** Messages from `bds.log()`. */
  logs: string[]
  /**
   * What the call read of the site data through the `bds` and `bds_api` modules (what its
   * script's module read at its top level and in earlier calls included), sorted: `config`,
   * `posts`, `post:SLUG`, `tags`, `categories`, `api:KEY` (a top-level key of bds_api's data),
   * `data:NAME` (a data file, `bds.data("NAME")`); `*` stands for everything. The build cache
   * keys the result by exactly these; watch mode expands a post again when a data file its
   * calls read changes (macros/python/data-reads.ts).
   */
  reads: string[]
  /** Wall time of the call inside the worker, in milliseconds. */
  ms: number
}

export interface CheckResult {
  file: string
  ok: boolean
  /** Top-level function names (def and async def) when the file parses. */
  functions: string[]
  /**
   * Positional parameters of each top-level function (the last def of a name), null when a
   * decorator or `*args` leaves the number open: a one-parameter entrypoint never gets the post.
   */
  params?: Record<string, number | null>
  error?: { message: string; line: number; column: number }
  /** The declaration of the entrypoint asked about, when the file defines it. */
  signature?: Signature
}

/** A script to check: with `entrypoint`, its declaration comes back too. */
export interface CheckRequest {
  file: string
  source: string
  entrypoint?: string
}

/** A parameter an entrypoint declares (after `context, post` or after `*`). */
export interface DeclaredParam {
  name: string
  type: 'str' | 'int' | 'float' | 'bool' | 'any'
  /** A literal default; `defaultText` holds any other as written. */
  default?: string | number | boolean
  defaultText?: string
  /** No default at all: a call must give it. */
  required?: boolean
  /** From an `Args:` section of the docstring. */
  description?: string
  /** From a `Literal[…]` annotation. */
  choices?: (string | number)[]
}

/** An entrypoint's declaration, read with `ast` (nothing runs). */
export interface Signature {
  params: DeclaredParam[]
  /** It has `**kwargs`: it takes parameters it does not name. */
  open: boolean
  /** The first paragraph of its docstring. */
  doc?: string
  /** Line of its `def`. */
  line: number
}

/** What the read-only `bds` Python module shows; sent to each worker once per build. */
export interface SiteData {
  config: Record<string, unknown>
  /** Public post data without content. */
  posts: Record<string, unknown>[]
  tags: { name: string; url: string; count: number }[]
  categories: { name: string; url: string; count: number }[]
  /** The data files by name (`bds.data("NAME")`). */
  data?: Record<string, unknown>
  /** What bDS's `bds_api` module answers from (sent only when a script imports it). */
  api?: Record<string, unknown>
  /** The site's utility scripts, importable by name from every script (`import reading_time`). */
  modules?: UtilityModule[]
}

/** A utility script as a module: its source travels as data; no worker opens a path. */
export interface UtilityModule {
  /** The module name: the file name without `.py` (`reading_time`). */
  name: string
  /** Path relative to the site root: tracebacks name it. */
  file: string
  source: string
  /** Content hash: a new one makes the workers forget the old module and its importers. */
  hash: string
}

export interface ScriptTiming {
  calls: number
  p50Ms: number
  p95Ms: number
}

/**
 * Where the time of Python calls goes, hop by hop, summed over every batch (milliseconds;
 * the workers run side by side, so the sums may exceed the wall time).
 */
export interface PythonHops {
  batches: number
  /** Encoding calls into a batch's JSON where the pool runs (this process or the sandbox child). */
  encodeMs: number
  /** A batch waiting for its worker to end the batch before. */
  queuedMs: number
  /** A batch crossing to its worker once that worker was free. */
  toWorkerMs: number
  /** In the worker: loading the site data into Python when it changed. */
  siteMs: number
  /** In the worker: parsing the batch's JSON in Python. */
  parseMs: number
  /** The calls as the harness times them: the script, its argument copies, capture, result JSON. */
  callsMs: number
  /** In the worker, around the calls: crossing from JavaScript into Python and back, per call. */
  loopMs: number
  /** A batch's reply crossing back and its results being checked. */
  fromWorkerMs: number
  /** Sandbox: a request planned and crossing to the child, until the child reads it. */
  toChildMs?: number
  /** Sandbox: the child's reply crossing back, until the host has checked it. */
  fromChildMs?: number
}

export interface PythonCounters {
  calls: number
  errors: number
  timeouts: number
  workerRestarts: number
  /** Time from start() to the first worker ready, ms (0 before start). */
  startMs: number
  /** Whether the workers booted from the memory snapshot. */
  snapshot: boolean
  workers: number
  byScript: Record<string, ScriptTiming>
  /** Where the workers run: a sandbox child (with or without OS namespaces) or this process. */
  isolation?: 'sandbox+namespaces' | 'sandbox' | 'in-process'
  /** Where the calls' time went, once calls ran. */
  hops?: PythonHops
}

export interface RunOptions {
  /** Stream what the calls print as they print it (instead of capturing it per call). */
  onOutput?: (stream: 'stdout' | 'stderr', text: string) => void
}

export interface PythonHost {
  /** Starts the workers; idempotent. Resolves when the pool can take calls. */
  start(): Promise<void>
  /**
   * Loads what starting needs (a host whose code loads lazily), starting nothing: a build
   * likely to call Python asks early, so the start it makes later is not delayed by it.
   */
  load?(): void
  /** Data for the `bds` module; every later call sees it. */
  setSiteData(data: SiteData): void
  /** Runs calls in batches; results in order. Never rejects for one bad call. */
  run(calls: readonly PythonCall[], options?: RunOptions): Promise<PythonCallResult[]>
  /** Parses scripts with Python's `ast` (nothing executes). */
  check(scripts: readonly CheckRequest[]): Promise<CheckResult[]>
  counters(): PythonCounters
  /** Stops every worker; safe to call twice. */
  stop(): Promise<void>
}
