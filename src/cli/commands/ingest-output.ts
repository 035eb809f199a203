// What `bds ingest` prints for people: the file written and one line per transform (with
// its bds.log() messages and printed output), and each problem as a diagnostic with the
// script's traceback. Text from scripts is shown with control characters escaped.

import { type BdsError, toDiagnostic } from '../../errors/index.js'
import { type IngestResult, type TransformReport, visible } from '../../ingest/index.js'
import type { Out } from '../out.js'
import { formatDiagnostic } from '../output.js'
import type { IngestFlags } from './ingest-input.js'

const MAX_OUTPUT_LINES = 20
const indent = (text: string, by = '      ') => text.replace(/^/gm, by)

function lines(text: string): string[] {
  const all = visible(text).replace(/\n$/, '').split('\n')
  return all.length > MAX_OUTPUT_LINES
    ? [...all.slice(0, MAX_OUTPUT_LINES), `… ${all.length - MAX_OUTPUT_LINES} more lines`]
    : all
}

function why(r: TransformReport): string {
  if (r.status === 'invalid') return (r.problems ?? []).join('; ')
  if (!r.error) return ''
  if (r.error.kind === 'timeout') return 'timed out'
  return `${r.error.type}: ${r.error.message} (${r.file}${r.error.line ? `:${r.error.line}` : ''})`
}

function transformLines(r: TransformReport, width: number): string[] {
  const head = `  ${r.status.padEnd(9)}  ${r.slug.padEnd(width)}  ${Math.round(r.ms)} ms`
  const reason = r.status === 'failed' || r.status === 'invalid' ? ` — ${visible(why(r))}` : ''
  return [
    head + reason,
    ...r.logs.map((l) => `    log: ${visible(l)}`),
    ...(r.stdout ? lines(r.stdout).map((l) => `    stdout: ${l}`) : []),
    ...(r.stderr ? lines(r.stderr).map((l) => `    stderr: ${l}`) : []),
  ]
}

/** "Wrote …" (or "Would write …") and the transforms, one line each. */
export function summary(result: IngestResult, flags: IngestFlags): string {
  const verb = result.written ? 'Wrote' : 'Would write (dry run, nothing written)'
  const out = [`${verb} ${result.file} (${result.status})`]
  const t = result.transforms
  if (!flags.transforms) out.push('Transforms: skipped (--no-transforms).')
  else if (t.length === 0) out.push('Transforms: none (no enabled transform script in scripts/).')
  else {
    const count = (s: TransformReport['status']) => t.filter((r) => r.status === s).length
    const failed = count('failed') + count('invalid')
    out.push(
      `Transforms: ${t.length} ran — ${count('changed')} changed, ${count('unchanged')} unchanged, ${failed} failed`,
      ...t.flatMap((r) => transformLines(r, Math.max(...t.map((x) => x.slug.length)))),
    )
  }
  return out.join('\n')
}

/** Input and index warnings, then each failed transform's diagnostic with its traceback. */
export function printDiagnostics(
  out: Out,
  root: string,
  warnings: readonly BdsError[],
  result: IngestResult,
): void {
  const print = (e: BdsError) => {
    const d = toDiagnostic(e)
    out.err(formatDiagnostic(out, { ...d, message: visible(d.message) }, root))
  }
  warnings.forEach(print)
  for (const d of result.diagnostics) {
    const report = result.transforms.find((r) => r.file === d.pos?.file)
    const traceback = report?.error?.traceback
    print(d)
    if (traceback) out.err(indent(visible(traceback.replace(/\n$/, '')), '  | '))
  }
}
