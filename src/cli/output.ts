// Terminal output: diagnostics with file:line:column, a code frame and the hint, and the
// build summary. The only place that formats errors for people.

import { styleText } from 'node:util'
import { type Diagnostic, diagnosticFrame } from '../errors/index.js'
import type { BuildReport } from '../site/index.js'

export interface Out {
  out: (text: string) => void
  err: (text: string) => void
  color: boolean
  /** Standard error is a terminal: show progress lines that rewrite themselves. */
  progress: boolean
}

export function createOut(): Out {
  const color = Boolean(process.stderr.isTTY) && !process.env.NO_COLOR
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    color,
    progress: Boolean(process.stderr.isTTY),
  }
}

const paint = (o: Out, style: Parameters<typeof styleText>[0], text: string) =>
  o.color ? styleText(style, text) : text

export function formatDiagnostic(o: Out, d: Diagnostic, root: string): string {
  const label =
    d.severity === 'error'
      ? paint(o, ['red', 'bold'], 'error')
      : paint(o, ['yellow', 'bold'], 'warning')
  const lines = [`${label} ${paint(o, 'dim', d.code)}: ${d.message}`]
  if (d.file) lines.push(`  --> ${d.file}${d.line ? `:${d.line}:${d.column ?? 1}` : ''}`)
  const frame = diagnosticFrame(d, root)
  if (frame) lines.push(frame.replace(/^/gm, '  '))
  lines.push(`  ${paint(o, 'cyan', 'hint')}: ${d.hint}`)
  return lines.join('\n')
}

const ms = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${Math.round(n)} ms`)

export function formatSummary(r: BuildReport): string {
  const o = r.outputs
  const problems = `${r.errors} error${r.errors === 1 ? '' : 's'}, ${r.warnings} warning${r.warnings === 1 ? '' : 's'}`
  if (r.upToDate) {
    return `Nothing changed since the last build: 0 files written, ${o.total} up to date (${problems}) in ${ms(r.durationMs)}.`
  }
  const head = `Built ${o.total} files into ${r.outDir}: ${o.written} written, ${o.unchanged} unchanged, ${o.removed} removed${o.failed ? `, ${o.failed} failed` : ''} (${problems}) in ${ms(r.durationMs)}.`
  const nothing =
    o.written === 0 && o.removed === 0 ? '\nNothing changed: no file was written.' : ''
  const steps = r.steps.map((s) => `${s.name} ${ms(s.ms)}`).join(' · ')
  const calls = Object.entries(r.macros).sort(([a], [b]) => a.localeCompare(b))
  const macros = calls.length ? `\n  macros: ${calls.map(([n, c]) => `${n} ${c}`).join(' · ')}` : ''
  return `${head}${nothing}\n  steps: ${steps}${macros}`
}
