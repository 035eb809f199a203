// The transform chain: each enabled transform in order gets the current post and may
// return None (keep it) or a new post. A call that raises, times out or returns no valid
// post is reported and skipped; the last valid post goes on to the next transform.

import { BdsError } from '../errors/index.js'
import type { PythonCallResult, PythonHost, ScriptSource } from '../python/index.js'
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

async function call(host: PythonHost, script: ScriptSource, args: unknown[]) {
  try {
    const [result] = await host.run([{ script, args }])
    if (result) return result
    throw new Error('the Python runtime returned no result')
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const crash: PythonCallResult = {
      ok: false,
      error: { kind: 'crash', type: 'RuntimeError', message, traceback: '' },
      ...{ stdout: '', stderr: '', logs: [], ms: 0 },
    }
    return crash
  }
}

function failure(report: TransformReport, options: ChainOptions): BdsError {
  const { error, problems, slug, file } = report
  const why = error
    ? error.kind === 'timeout'
      ? `timed out after ${options.timeoutMs} ms (python.timeoutMs)`
      : error.kind === 'missing'
        ? `cannot run: ${error.message}`
        : `raised ${error.type}: ${error.message}`
    : `returned no valid post: ${(problems ?? []).join('; ')}`
  return new BdsError(
    'BDS_INGEST_TRANSFORM',
    `The transform "${slug}" ${why}. It was skipped; the post went on without its changes.`,
    { pos: { file, line: error?.line ?? 1, column: 1 }, severity: 'warning' },
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
      report.status = 'failed'
      report.error = result.error ?? {
        ...{ kind: 'crash', type: 'RuntimeError', traceback: '' },
        message: 'the call failed without an error',
      }
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
      diagnostics.push(failure(report, options))
    reports.push(report)
  }
  return { post, reports, diagnostics }
}
