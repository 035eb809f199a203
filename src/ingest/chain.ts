// The transform chain: each enabled transform in order gets the current post and may
// return None (keep it) or a new post. A call that raises, times out or returns no valid
// post is reported and skipped; the last valid post goes on to the next transform.

import { BdsError } from '../errors/index.js'
import type { PythonCallResult, PythonError, PythonHost, ScriptSource } from '../python/index.js'
import { checkPost } from './post-schema.js'
import type { IngestPost, TransformContext, TransformReport } from './types.js'

/** bds.log() bounds, also applied here so a runtime that sends more cannot flood the terminal. */
export const MAX_LOGS = 100
export const MAX_LOG_CHARS = 1000

export interface ChainOptions {
  timezone: string
  /** For the message of a timeout. */
  timeoutMs: number
}

export interface ChainResult {
  post: IngestPost
  reports: TransformReport[]
  diagnostics: BdsError[]
}

const same = (a: IngestPost, b: IngestPost) => JSON.stringify(a) === JSON.stringify(b)

const crashed = (message: string): PythonError => ({
  kind: 'crash',
  type: 'RuntimeError',
  message,
  traceback: '',
})

async function call(host: PythonHost, script: ScriptSource, args: unknown[]) {
  try {
    const [result] = await host.run([{ script, args }])
    if (result) return result
    throw new Error('the Python runtime returned no result')
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const result: PythonCallResult = {
      ...{ ok: false, error: crashed(message) },
      ...{ stdout: '', stderr: '', logs: [], reads: [], ms: 0 },
    }
    return result
  }
}

const WHY: Record<PythonError['kind'], (e: PythonError, o: ChainOptions) => string> = {
  exception: (e) => `raised ${e.type}: ${e.message}`,
  timeout: (_e, o) => `timed out after ${o.timeoutMs} ms (python.timeoutMs)`,
  memory: (e) => `ran out of memory (${e.message})`,
  crash: (e) => `crashed the Python runtime (${e.message})`,
  missing: (e) => `cannot run: ${e.message}`,
  output: (e) => `returned no valid post: ${e.message}`,
}

/** Line of `def <entrypoint>(` in the script, where a problem without a line points. */
function entryLine(script: ScriptSource): number {
  const name = script.entrypoint.replace(/[^\w]/g, '')
  const at = script.source.search(new RegExp(`^(async[ \\t]+)?def[ \\t]+${name}[ \\t]*\\(`, 'm'))
  return at < 0 ? 1 : script.source.slice(0, at).split('\n').length
}

function failure(report: TransformReport, script: ScriptSource, options: ChainOptions): BdsError {
  const { error, problems, slug, file } = report
  const why = error
    ? WHY[error.kind](error, options)
    : `returned no valid post: ${(problems ?? []).join('; ')}`
  return new BdsError(
    'BDS_INGEST_TRANSFORM',
    `The transform "${slug}" ${why}. It was skipped; the post went on without its changes.`,
    { pos: { file, line: error?.line ?? entryLine(script), column: 1 }, severity: 'warning' },
  )
}

export async function runTransforms(
  host: PythonHost,
  scripts: readonly ScriptSource[],
  first: IngestPost,
  context: TransformContext,
  options: ChainOptions,
): Promise<ChainResult> {
  let post = first
  const reports: TransformReport[] = []
  const diagnostics: BdsError[] = []
  for (const script of scripts) {
    const result = await call(host, script, [post, context])
    const report: TransformReport = {
      slug: script.slug,
      file: script.file,
      status: 'unchanged',
      ms: result.ms,
      logs: result.logs.slice(0, MAX_LOGS).map((l) => String(l).slice(0, MAX_LOG_CHARS)),
      stdout: result.stdout,
      stderr: result.stderr,
    }
    if (!result.ok) {
      report.error = result.error ?? crashed('the call failed without an error')
      // A value that cannot cross as JSON (a set, a datetime …) is garbage, like a list.
      report.status = report.error.kind === 'output' ? 'invalid' : 'failed'
      if (report.status === 'invalid') report.problems = [report.error.message]
    } else if (result.value != null) {
      const checked = checkPost(result.value, options.timezone)
      if (!checked.ok) {
        report.status = 'invalid'
        report.problems = checked.problems
      } else if (!same(checked.post, post)) {
        report.status = 'changed'
        post = checked.post
      }
    }
    if (report.status === 'failed' || report.status === 'invalid')
      diagnostics.push(failure(report, script, options))
    reports.push(report)
  }
  return { post, reports, diagnostics }
}
