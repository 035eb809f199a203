// The speed targets of the build (what `docs/performance.md` measures against), checked from
// one run's results: each row says what is wanted, what was measured and whether it is met.
// A target whose section did not run says which `--only` section or flag measures it.
import type { PythonBenchResult } from './python.js'
import type { StartupResult } from './startup.js'
import { align } from './table.js'
import type { ThreadsResult } from './threads.js'
import type { BdsResult, PeerResult, SizeResult } from './types.js'

export interface TargetRow {
  target: string
  wanted: string
  /** What was measured ('' when the run did not measure it). */
  measured: string
  /** undefined: not measured in this run, or no verdict on this machine. */
  met?: boolean
  /** How to measure it when the run did not. */
  how?: string
}

export interface TargetInputs {
  results: readonly SizeResult[]
  startup?: StartupResult
  python?: PythonBenchResult
  threads?: ThreadsResult
  cores: number
}

const GB = 2 ** 30
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const x = (r: number) => `${r.toFixed(2)}×`
const built = (r: SizeResult | undefined): BdsResult | undefined =>
  r && 'cold' in r.bds ? r.bds : undefined
const peer = (r: SizeResult | undefined, name: string): PeerResult | undefined => {
  const p = r?.peers[name]
  return p && 'ratio' in p && p.ratio !== null ? p : undefined
}

/** bds ÷ a peer on 4000 posts, against one or more ceilings (met: under the first). */
function ratioRow(
  at4000: SizeResult | undefined,
  name: string,
  label: string,
  ceilings: number[],
): TargetRow {
  const p = peer(at4000, name)
  const wanted = ceilings.map((c) => `≤ ${x(c)}`).join(', then ')
  if (!p?.ratio) return { target: label, wanted, measured: '', how: '--sizes 4000 --peers' }
  const ceiling = ceilings[0] as number
  return { target: label, wanted, measured: x(p.ratio), met: p.ratio <= ceiling }
}

export function checkTargets(inputs: TargetInputs): TargetRow[] {
  const { results, startup, python, threads } = inputs
  const at = (n: number) => results.find((r) => r.posts === n)
  const at4000 = at(4000)
  const rows: TargetRow[] = [
    ratioRow(at4000, 'hugo', '1. cold build, 4000 posts ÷ Hugo', [1, 0.75]),
    ratioRow(at4000, 'hugo+lists', '1. cold build ÷ Hugo with its lists', [1, 0.75]),
    ratioRow(at4000, 'eleventy', '1. cold build ÷ Eleventy 3', [0.5]),
  ]
  for (const [what, ratio] of [
    ['--version', startup?.versionRatio],
    ['--help', startup?.helpRatio],
  ] as const) {
    rows.push(
      ratio === undefined
        ? {
            target: `2. bds ${what} ÷ node -e 0`,
            wanted: '≤ 1.30×',
            measured: '',
            how: '--only startup',
          }
        : {
            target: `2. bds ${what} ÷ node -e 0`,
            wanted: '≤ 1.30×',
            measured: x(ratio),
            met: ratio <= 1.3,
          },
    )
  }
  const again = built(at4000)?.noChange
  rows.push(
    again
      ? {
          target: '3. no-change build, 4000 posts (process)',
          wanted: '≤ 0.30 s',
          measured: s(again.medianMs),
          met: again.medianMs <= 300,
        }
      : {
          target: '3. no-change build, 4000 posts',
          wanted: '≤ 0.30 s',
          measured: '',
          how: '--sizes 4000',
        },
  )
  const macros = python?.builds.find((b) => b.posts === 4000) ?? python?.builds.at(-1)
  for (const [how, added] of [
    ['sandboxed', macros?.addedMs],
    ['in-process', macros?.addedInProcessMs],
  ] as const) {
    const target = `4. 5 Python macros a post, ${how}: added`
    rows.push(
      added === undefined
        ? { target, wanted: '≤ 1.00 s', measured: '', how: '--only python' }
        : { target, wanted: '≤ 1.00 s', measured: s(added), met: added <= 1000 },
    )
  }
  const big = built(at(100_000))
  const ref = built(at4000)
  if (big && ref) {
    const grown = big.cold.medianMs / ref.cold.medianMs
    const rss = big.cold.maxRssBytes
    rows.push(
      {
        target: '5. 100,000 posts: time ÷ 4000 posts',
        wanted: '≤ 27×',
        measured: x(grown),
        met: grown <= 27,
      },
      {
        target: '5. 100,000 posts: peak RSS',
        wanted: '≤ 1.5 GB',
        measured: rss === null ? '?' : `${(rss / GB).toFixed(2)} GB`,
        met: rss === null ? undefined : rss <= 1.5 * GB,
      },
    )
  } else {
    const how = '--sizes 4000,100000 --only builds'
    rows.push({
      target: '5. 100,000 posts: time and peak RSS',
      wanted: '≤ 27×, ≤ 1.5 GB',
      measured: '',
      how,
    })
  }
  rows.push(coresRow(threads, inputs.cores))
  return rows
}

/** Target 6: more threads make a faster build where the cores exist (4 against 2). */
function coresRow(threads: ThreadsResult | undefined, cores: number): TargetRow {
  const target = '6. cold build on 4 threads ÷ on 2'
  const two = threads?.rows.find((r) => r.threads === 2)
  const four = threads?.rows.find((r) => r.threads === 4)
  if (!two || !four) return { target, wanted: '< 1.00×', measured: '', how: '--threads 1,2,4' }
  const ratio = four.medianMs / two.medianMs
  // On fewer than 4 cores the fourth thread has no core: the curve is shown, with no verdict.
  return { target, wanted: '< 1.00×', measured: x(ratio), met: cores >= 4 ? ratio < 1 : undefined }
}

/** The section of docs/performance.md that profiles what is left of a target, by its number. */
const PROFILE: Record<string, string> = {
  '1': 'the search index is the critical path',
  '2': 'start-up',
  '3': 'the no-change build',
  '4': 'python macros (the hops)',
  '5': '20,000 and 100,000 posts',
  '6': 'the cost model (cores)',
}

export function targetsTable(rows: readonly TargetRow[]): string {
  const verdict = (r: TargetRow) =>
    r.met === true ? 'met' : r.met === false ? 'MISSED' : r.measured ? '—' : `not run (${r.how})`
  const profile = (r: TargetRow) =>
    r.met === false ? (PROFILE[r.target.split('.')[0] ?? ''] ?? '') : ''
  const table = align(
    [
      ['target', 'wanted', 'measured', 'verdict', 'what is left (its section)'],
      ...rows.map((r) => [r.target, r.wanted, r.measured, verdict(r), profile(r)]),
    ],
    5,
  )
  return `speed targets (docs/performance.md):\n${table}`
}
