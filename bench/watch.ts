// Watch-mode benchmark: save-to-reload latency of `bds watch` on the generated corpus — the
// time from writing a file to the `reload` event arriving over server-sent events, as a
// browser would get it. The edits: one post (its text, then its title), the post template, one
// Python macro script
// (called by a few posts). The real CLI runs in a child process; the corpus is in `root`.

import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { followEvents, startWatch } from '../test/helpers/watch.js'
import { generateCorpus, postPath } from './corpus.js'
import { median } from './proc.js'
import { align } from './table.js'

export interface WatchCase {
  name: string
  medianMs: number
  minMs: number
  maxMs: number
  runsMs: number[]
  /** Output files changed by the last run. */
  changed: number
}

export interface WatchResult {
  posts: number
  /** Time from starting `bds watch` to the first page being served (full build included). */
  startMs: number
  cases: WatchCase[]
}

const MACRO_POSTS = 20
const script = (n: number) =>
  `"""\n---\nslug: "bench_macro"\nkind: "macro"\n---\n"""\n\ndef render(context, post):\n    return "v${n}"\n`

export async function benchWatch(
  root: string,
  n: number,
  runs: number,
  bdsBin: string,
): Promise<WatchResult> {
  const site = join(root, `watch-${n}`)
  const posts = await generateCorpus(site, n)
  // A few posts call a Python macro; the site overrides the post template.
  const step = Math.floor(n / MACRO_POSTS)
  for (let i = 0; i < n; i += step) {
    const file = join(site, 'posts', postPath(posts[i] as (typeof posts)[number]))
    await writeFile(file, `${await readFile(file, 'utf8')}\n[[bench_macro]]\n`)
  }
  await mkdir(join(site, 'scripts'))
  await mkdir(join(site, 'templates'))
  await writeFile(join(site, 'scripts/bench_macro.py'), script(0))
  const bundled = await readFile(new URL('../templates/post.liquid', import.meta.url), 'utf8')
  await writeFile(join(site, 'templates/post.liquid'), bundled)
  const t0 = performance.now()
  const watch = await startWatch(site, ['--quiet'], bdsBin)
  const startMs = performance.now() - t0
  const events = await followEvents(`${watch.url}__bds/events`)
  await events.next('hello')
  const middle = join(
    site,
    'posts',
    postPath(posts[Math.floor(n / 2) + 1] as (typeof posts)[number]),
  )
  const original = await readFile(middle, 'utf8')
  const edits: [string, (run: number) => Promise<void>][] = [
    ['one post edited', (r) => writeFile(middle, `${original}\nEdit number ${r}.\n`)],
    // A new title also changes its neighbours' pages, the lists that show it and the feeds.
    [
      'one post retitled',
      (r) => writeFile(middle, original.replace(/^title: .*$/m, `title: "Retitled ${r}"`)),
    ],
    [
      'post template edited',
      (r) => writeFile(join(site, 'templates/post.liquid'), `${bundled}\n<!-- edit ${r} -->\n`),
    ],
    ['macro script edited', (r) => writeFile(join(site, 'scripts/bench_macro.py'), script(r + 1))],
  ]
  const cases: WatchCase[] = []
  try {
    for (const [name, edit] of edits) {
      const runsMs: number[] = []
      let changed = 0
      for (let r = 0; r < runs; r++) {
        const start = performance.now()
        await edit(r)
        const { data } = await events.next('reload')
        runsMs.push(performance.now() - start)
        changed = (data.changed as string[]).length
        console.error(`[watch ${n}] ${name} run ${r + 1}/${runs}: ${runsMs.at(-1)?.toFixed(0)} ms`)
        await new Promise((settle) => setTimeout(settle, 300))
      }
      const [minMs, maxMs] = [Math.min(...runsMs), Math.max(...runsMs)]
      cases.push({ name, medianMs: median(runsMs), minMs, maxMs, runsMs, changed })
    }
  } finally {
    events.close()
    await watch.stop()
  }
  return { posts: n, startMs, cases }
}

export function watchTable(r: WatchResult): string {
  const rows = [['save → reload event', 'median ms', 'min ms', 'max ms', 'files changed']]
  for (const c of r.cases)
    rows.push([
      c.name,
      c.medianMs.toFixed(1),
      c.minMs.toFixed(1),
      c.maxMs.toFixed(1),
      String(c.changed),
    ])
  const head = `bds watch, ${r.posts} posts (start-up with full build: ${(r.startMs / 1000).toFixed(1)} s):`
  return `${head}\n${align(rows, 1)}`
}
