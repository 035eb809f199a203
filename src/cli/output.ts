// Terminal output: diagnostics with file:line:column, a code frame and the hint, and the
// build summary. The only place that formats errors for people (out.ts prints them).

import { styleText } from 'node:util'
import type { BuildReport } from '../build/index.js'
import { type Diagnostic, diagnosticFrame, type Sources } from '../errors/index.js'
import { fileSources } from '../util/source-files.js'
import { inert } from './inert.js'
import type { Out, Styled } from './out.js'

const paint = (o: Out, style: Parameters<typeof styleText>[0], text: string) =>
  o.color ? styleText(style, text) : text

/** One reader per site folder, so many diagnostics in one file read it once. */
const sourcesByRoot = new Map<string, Sources>()

function sourcesFor(root: string): Sources {
  const known = sourcesByRoot.get(root)
  if (known) return known
  const sources = fileSources(root)
  sourcesByRoot.set(root, sources)
  return sources
}

/** `root` is the site folder the diagnostic's file is relative to, or the code frames' Sources. */
export function formatDiagnostic(o: Out, d: Diagnostic, root: string | Sources): Styled {
  const label =
    d.severity === 'error'
      ? paint(o, ['red', 'bold'], 'error')
      : paint(o, ['yellow', 'bold'], 'warning')
  const lines = [`${label} ${paint(o, 'dim', inert(d.code))}: ${inert(d.message)}`]
  if (d.file) lines.push(inert(`  --> ${d.file}${d.line ? `:${d.line}:${d.column ?? 1}` : ''}`))
  const frame = diagnosticFrame(d, typeof root === 'string' ? sourcesFor(root) : root)
  if (frame) lines.push(inert(frame.replace(/^/gm, '  ')))
  if (d.detail) lines.push(inert(d.detail.trimEnd().replace(/^/gm, '  | ')))
  lines.push(`  ${paint(o, 'cyan', 'hint')}: ${inert(d.hint)}`)
  return { styled: lines.join('\n') }
}

const ms = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${Math.round(n)} ms`)

/** The line that says an output holds drafts (`--drafts`): loud, but not a diagnostic. */
export function draftsWarning(o: Out, drafts: number): Styled | undefined {
  if (drafts === 0) return undefined
  const what = drafts === 1 ? '1 draft' : `${drafts} drafts`
  const text = `the output contains ${what} (--drafts), in its pages, feeds and sitemap; do not deploy it.`
  return { styled: `${paint(o, ['yellow', 'bold'], 'warning')}: ${text}` }
}

export function formatSummary(r: BuildReport): string {
  const o = r.outputs
  const problems = `${r.errors} error${r.errors === 1 ? '' : 's'}, ${r.warnings} warning${r.warnings === 1 ? '' : 's'}`
  if (r.upToDate) {
    return `Nothing changed since the last build: 0 files written, ${o.total} up to date (${problems}) in ${ms(r.durationMs)}.`
  }
  const head = `Built ${o.total} files into ${r.outDir}: ${o.written} written, ${o.unchanged} unchanged, ${o.removed} removed${o.failed ? `, ${o.failed} failed` : ''} (${problems}) in ${ms(r.durationMs)}.`
  const nothing =
    o.notWritten > 0
      ? `\n${o.notWritten} file(s) could not be written: the output folder is incomplete.`
      : o.written === 0 && o.removed === 0 && o.failed === 0
        ? '\nNothing changed: no file was written.'
        : ''
  const steps = r.steps.map((s) => `${s.name} ${ms(s.ms)}`).join(' · ')
  const calls = Object.entries(r.macros).sort(([a], [b]) => a.localeCompare(b))
  const macros = calls.length ? `\n  macros: ${calls.map(([n, c]) => `${n} ${c}`).join(' · ')}` : ''
  return `${head}${nothing}\n  steps: ${steps}${macros}${cacheLine(r)}${pythonLine(r)}`
}

/** `cache: pages 12 from cache, 3 rendered · markdown … · macros …` (or: not used). */
function cacheLine(r: BuildReport): string {
  const c = r.cache
  if (!c) return ''
  const part = (name: string, n: { cached: number; computed: number }, done: string) =>
    `${name} ${n.cached} from cache, ${n.computed} ${done}`
  const parts = [
    part('pages', c.pages, 'rendered'),
    part('markdown', c.markdown, 'rendered'),
    part('macros', c.macros, 'run'),
    ...(c.search ? [part('search index', c.search, 'made')] : []),
  ]
  return `\n  cache: ${c.enabled ? parts.join(' · ') : `not used (--no-cache): ${c.pages.computed} pages rendered, ${c.macros.computed} macro calls run`}`
}

function pythonLine(r: BuildReport): string {
  const p = r.python
  if (!p) return ''
  const boot = `pool start ${ms(p.startMs)} (${p.workers} worker${p.workers === 1 ? '' : 's'}, ${p.snapshot ? 'snapshot' : 'no snapshot'}, ${p.isolation ?? 'in-process'})`
  const counts = `${p.calls} calls · ${p.errors} errors · ${p.timeouts} timeouts · ${p.workerRestarts} worker restarts`
  const times = Object.entries(p.byScript)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([slug, t]) => `${slug} p50 ${t.p50Ms} ms p95 ${t.p95Ms} ms`)
  return `\n  python: ${counts} · ${boot}${times.length ? `\n  python calls: ${times.join(' · ')}` : ''}`
}

/**
 * Said once per build when Python ran without the OS layer (or without the sandbox); the
 * Python runtime is loaded only then, to say why.
 */
export async function isolationNote(r: BuildReport): Promise<string | undefined> {
  const isolation = r.python?.isolation
  if (!isolation || isolation === 'sandbox+namespaces') return undefined
  if (isolation === 'in-process')
    return 'note: Python macros ran inside the bds process (BDS_SANDBOX=off): they were not isolated from this host.'
  const { detectOsLayer } = await import('../python/index.js')
  return `note: Python macros are not network-isolated on this host: ${detectOsLayer().reason} Run \`bds doctor\` for details.`
}

/** What Python macros printed, token by token (--verbose). */
export function formatCaptured(r: BuildReport): string[] {
  return (r.python?.output ?? []).map(
    (c) =>
      `${c.file}:${c.line}:${c.column} [[${c.macro}]] printed:\n${c.text.trimEnd().replace(/^/gm, '  | ')}`,
  )
}
