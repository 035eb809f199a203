// Readable aligned tables of benchmark results: one row per corpus size, tool and build kind,
// plus the per-step times of bds's median cold build for the largest corpus.
import { NO_SEARCH } from './bds-nosearch.js'
import type { SizeResult, Timing } from './types.js'

type Row = string[]

export function align(rows: Row[], rightFrom = 3): string {
  const widths: number[] = []
  for (const row of rows) {
    for (const [i, cell] of row.entries()) widths[i] = Math.max(widths[i] ?? 0, cell.length)
  }
  const line = (row: Row): string =>
    row
      .map((cell, i) =>
        i >= rightFrom ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd()
  const [head, ...body] = rows
  if (!head) return ''
  const rule = widths.map((w) => '-'.repeat(w)).join('  ')
  return [line(head), rule, ...body.map(line)].join('\n')
}

const ms = (v: number): string => (Number.isFinite(v) ? v.toFixed(1) : '—')
const mb = (v: number | null): string => (v === null ? '—' : `${(v / 2 ** 20).toFixed(0)} MB`)

function timingCells(t: Timing): Row {
  const runs = t.runsMs.length - t.failures
  return [ms(t.medianMs), ms(t.minMs), ms(t.maxMs), `${runs}/${t.runsMs.length}`]
}

const HEAD = ['posts', 'tool', 'build', 'median ms', 'min ms', 'max ms', 'ok runs', 'peak RSS']

export function resultsTable(results: SizeResult[]): string {
  const rows: Row[] = [[...HEAD, 'post pages', 'bds ÷ tool']]
  const notes: string[] = []
  for (const r of results) {
    const n = String(r.posts)
    const pages = (p: number): string => `${p}/${r.posts}${p === r.posts ? '' : ' !'}`
    if ('skipped' in r.bds) {
      rows.push([n, 'bds', 'skipped'])
      notes.push(`bds (${r.posts} posts) skipped: ${r.bds.skipped}`)
    } else {
      const { cold, noChange } = r.bds
      rows.push([n, 'bds', 'cold', ...timingCells(cold), mb(cold.maxRssBytes), pages(cold.pages)])
      const written = noChange.maxWritten === null ? '?' : String(noChange.maxWritten)
      rows.push([n, 'bds', 'no-change', ...timingCells(noChange), '', `wrote ${written}`])
      if (cold.error) notes.push(`bds cold (${r.posts} posts) failed: ${cold.error}`)
      if (cold.pages !== r.posts)
        notes.push(`bds (${r.posts} posts) wrote ${cold.pages} post pages`)
      if (noChange.error) notes.push(`bds no-change (${r.posts} posts) failed: ${noChange.error}`)
    }
    for (const [name, p] of Object.entries(r.peers)) {
      if ('skipped' in p) {
        rows.push([n, name, 'skipped'])
        notes.push(`${name} skipped: ${p.skipped}`)
        continue
      }
      const ratio = p.ratio === null ? '—' : `${p.ratio.toFixed(2)}×`
      rows.push([n, name, 'cold', ...timingCells(p), mb(p.maxRssBytes), pages(p.pages), ratio])
      if (p.error) notes.push(`${name} (${r.posts} posts) failed: ${p.error}`)
      if (p.pages !== r.posts) {
        notes.push(`${name} (${r.posts} posts) wrote ${p.pages} post pages: broken comparison`)
      }
    }
  }
  const legend =
    'bds ÷ tool = bds cold median / tool cold median (below 1: bds is faster). ' +
    '"!" marks a page count that is not the corpus size.'
  const same = results.flatMap(withoutSearch)
  return [align(rows), '', legend, ...same, ...[...new Set(notes)].map((s) => `NOTE: ${s}`)].join(
    '\n',
  )
}

/** bds without its search index against each peer (the peers make none). */
function withoutSearch(r: SizeResult): string[] {
  const mine = r.peers[NO_SEARCH]
  if (!mine || 'skipped' in mine) return []
  const ratios = Object.entries(r.peers).flatMap(([name, p]) =>
    name === NO_SEARCH || 'skipped' in p
      ? []
      : [`${name} ${(mine.medianMs / p.medianMs).toFixed(2)}×`],
  )
  if (ratios.length === 0) return []
  return [
    `${r.posts} posts, bds without its search index ÷ tool (the same work): ${ratios.join(', ')}`,
  ]
}

/** Per-step times of bds's median cold build of the largest corpus, or '' when there are none. */
export function stepsTable(results: SizeResult[]): string {
  const largest = [...results].sort((a, b) => b.posts - a.posts)[0]
  if (!largest || 'skipped' in largest.bds || largest.bds.steps.length === 0) return ''
  const { steps } = largest.bds
  const total = steps.reduce((sum, s) => sum + s.ms, 0)
  const rows: Row[] = [['step', 'ms', 'share']]
  for (const s of steps) rows.push([s.name, ms(s.ms), `${((100 * s.ms) / total).toFixed(1)}%`])
  rows.push(['(sum of steps)', ms(total), '100.0%'])
  const { durationMs, wallMs } = largest.bds
  if (durationMs !== null) rows.push(['(report durationMs)', ms(durationMs), ''])
  if (wallMs !== null) rows.push(['(wall, with start-up)', ms(wallMs), ''])
  const title = `bds steps, median cold build of ${largest.posts} posts:`
  return `${title}\n${align(rows, 1)}`
}

/**
 * How bds's cold build grows with the corpus: time and peak RSS per size, each time as a
 * multiple of the time for 4000 posts (or the smallest size) next to the multiple of posts;
 * peak RSS of bds's process, and of the largest process of the build (Pagefind's, if larger).
 */
export function scaleTable(results: SizeResult[]): string {
  const built = results.flatMap((r) => ('cold' in r.bds ? [{ posts: r.posts, bds: r.bds }] : []))
  const ref = built.find((r) => r.posts === 4000) ?? [...built].sort((a, b) => a.posts - b.posts)[0]
  if (!ref || built.length < 2) return ''
  const rows: Row[] = [
    ['posts', 'cold ms', 'ms / post', `× ${ref.posts} time`, '× posts', 'peak RSS', 'largest'],
  ]
  for (const { posts, bds } of built) {
    const t = bds.cold.medianMs
    rows.push([
      String(posts),
      ms(t),
      (t / posts).toFixed(2),
      `${(t / ref.bds.cold.medianMs).toFixed(2)}×`,
      `${(posts / ref.posts).toFixed(2)}×`,
      mb(bds.cold.maxRssBytes),
      mb(bds.cold.largestRssBytes),
    ])
  }
  return `bds cold build by corpus size:\n${align(rows, 1)}`
}
