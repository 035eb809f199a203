// `npm run bench` entry: generates corpora in a temp folder, times bds cold and no-change builds
// (and, with --peers, Hugo and Eleventy cold builds), then prints a table and a JSON document.
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, stat } from 'node:fs/promises'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { bdsWithoutSearch } from './bds-nosearch.js'
import { benchCache, type CacheBenchResult, cacheTable } from './cache.js'
import { eleventyPeer } from './eleventy.js'
import { benchFeatures, type FeaturesResult, featuresTable } from './features.js'
import { benchFeeds, type FeedsResult, feedsTable } from './feeds.js'
import { benchHighlight, type HighlightResult, highlightTable } from './highlight.js'
import { hugoPeers } from './hugo.js'
import { measureSize } from './measure.js'
import { killAll, rmrf } from './proc.js'
import { benchPython, pythonTable } from './python.js'
import { benchScripts, scriptsTable } from './scripts.js'
import { benchStartup, type StartupResult, startupTable } from './startup.js'
import { resultsTable, scaleTable, stepsTable } from './table.js'
import { checkTargets, targetsTable } from './targets.js'
import { benchTemplates, type TemplatesBenchResult, templatesTable } from './templates.js'
import { benchThreads, type ThreadsResult, threadsTable } from './threads.js'
import { benchTokenizer, tokenizerTable } from './tokenizer.js'
import { benchTokens, type TokensResult, tokensTable } from './tokens.js'
import type { Peer, SizeResult } from './types.js'
import { benchWatch, type WatchResult, watchTable } from './watch.js'

const USAGE = `usage: tsx bench/run.ts [--sizes 1000,4000] [--runs 5] [--peers] [--json] [--keep] [--only LIST]
  --sizes  corpus sizes in posts, comma-separated (default 1000,4000,20000)
  --only   sections to run, comma-separated: builds, startup, python, templates, cache,
           tokenizer, tokens, scripts, watch, highlight, features, feeds (default all); python
           measures the Python runtime and builds with 5 macros per post, templates a macro
           called once per post from the post template against the same call from Markdown,
           cache the build cache with 5 macros per post (cold, a clone with .bds/ restored:
           nothing changed, a post edited, a script edited), watch the save-to-reload latency
           of bds watch, features cold builds with highlighting and search on and off and with
           100 photos (templates, cache, watch and features on 4000 posts, or the largest size
           below it), highlight renders the Markdown plain, with highlight.js and with Shiki
           (when installed: npm install --no-save shiki), tokens the build of one post with
           10,000 and 100,000 unclosed [[ tokens, startup bds --version and --help against
           node -e 0, feeds the cost of JSON Feed, archive feeds, taxonomies, navigation and
           data files (4000 posts, or the largest size below)
  --threads  also time cold builds of 4000 posts with these thread counts, e.g. 1,2,4
  --runs   measured runs per tool and size; medians are reported (default 5)
  --peers  also build the same corpus with Hugo and Eleventy 3, interleaved with bds
  --json   print only the JSON document on stdout (table and progress go to stderr)
  --keep   keep the temp folder with corpora and outputs, and print its path
  --bds    bds executable to measure (default: this checkout's bin/bds.js)`

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,4000,20000' },
    threads: { type: 'string' },
    runs: { type: 'string', default: '5' },
    peers: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    bds: { type: 'string' },
    only: {
      type: 'string',
      default:
        'builds,startup,python,templates,cache,tokenizer,tokens,scripts,watch,highlight,features,feeds',
    },
    help: { type: 'boolean', short: 'h', default: false },
  },
})
if (values.help) {
  console.log(USAGE)
  process.exit(0)
}
const sizes = values.sizes.split(',').map((s) => Number(s.trim()))
const SECTIONS = [
  'builds',
  'startup',
  'python',
  'templates',
  'cache',
  'tokenizer',
  'tokens',
  'scripts',
  'watch',
  'highlight',
  'features',
  'feeds',
]
const only = new Set(values.only.split(',').map((s) => s.trim()))
if ([...only].some((s) => !SECTIONS.includes(s))) {
  console.error(`bad --only\n${USAGE}`)
  process.exit(2)
}
const threadCounts = values.threads?.split(',').map((s) => Number(s.trim())) ?? []
if (threadCounts.some((k) => !Number.isInteger(k) || k < 1)) {
  console.error(`bad --threads\n${USAGE}`)
  process.exit(2)
}
/** Watch, features and highlight run on 4000 posts (or the largest size below it). */
const featureSize = Math.max(...sizes.filter((n) => n <= 4000), Math.min(...sizes))
const runs = Number(values.runs)
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(runs) || runs < 1) {
  console.error(`bad --sizes or --runs\n${USAGE}`)
  process.exit(2)
}

const repo = fileURLToPath(new URL('..', import.meta.url))
const bdsBin = resolve(values.bds ?? fileURLToPath(new URL('../bin/bds.js', import.meta.url)))
const built = values.bds ? existsSync(bdsBin) : existsSync(`${repo}dist/cli/main.js`)
const bdsMissing = built
  ? null
  : `bds is not built (${repo}dist/cli/main.js missing): npm run build`
const peers: Peer[] = []
const skipped: Record<string, string> = {}
if (values.peers) {
  const finders = [
    { names: ['hugo', 'hugo+lists'], find: hugoPeers },
    { names: ['eleventy'], find: async () => [await eleventyPeer()] },
  ]
  for (const { names, find } of finders) {
    for (const found of await find()) {
      if ('peer' in found) peers.push(found.peer)
      // A peer that cannot run skips all its sites.
      else for (const name of names) skipped[name] = found.skipped
    }
  }
  for (const [name, why] of Object.entries(skipped)) console.error(`skipping ${name}: ${why}`)
  if (!bdsMissing) peers.push(bdsWithoutSearch(bdsBin))
}
if (bdsMissing && peers.length === 0) {
  console.error(bdsMissing)
  process.exit(1)
}
if (bdsMissing) console.error(`WARNING: ${bdsMissing}; measuring the peers only`)

/** Newest modification time in dist/ and templates/, to notice bds changing while measured. */
async function engineStamp(): Promise<number> {
  const times = [0]
  for (const dir of ['dist', 'templates'].map((d) => `${repo}${d}`)) {
    const files = await readdir(dir, { recursive: true }).catch(() => [])
    for (const f of files) times.push((await stat(join(dir, f))).mtimeMs)
  }
  return Math.max(...times)
}
const stampBefore = await engineStamp()
const loadBefore = loadavg()[0] ?? 0
if (loadBefore > 1) console.error(`WARNING: load average is ${loadBefore.toFixed(2)}: expect noise`)
const root = await mkdtemp(`${tmpdir()}/bds-bench-`)
const cleanUp = async (): Promise<void> => {
  if (values.keep) console.error(`kept ${root}`)
  else await rmrf(root)
}
process.once('SIGINT', () => {
  killAll()
  void cleanUp().finally(() => process.exit(130))
})

const results: SizeResult[] = []
let watchResult: WatchResult | undefined
let tokens: TokensResult | undefined
let startup: StartupResult | undefined
let threads: ThreadsResult | undefined
let features: FeaturesResult | undefined
let templates: TemplatesBenchResult | undefined
let feeds: FeedsResult | undefined
try {
  for (const n of only.has('builds') ? sizes : []) {
    results.push(await measureSize(n, { root, runs, bdsBin, bdsMissing, peers, skipped }))
  }
  if (only.has('watch') && !bdsMissing) {
    watchResult = await benchWatch(root, featureSize, runs, bdsBin)
  }
  if (only.has('tokens') && !bdsMissing) tokens = await benchTokens(root, bdsBin, Math.min(runs, 3))
  if (only.has('startup') && !bdsMissing) startup = await benchStartup(bdsBin)
  if (threadCounts.length > 0 && !bdsMissing)
    threads = await benchThreads(root, 4000, threadCounts, Math.min(runs, 3), bdsBin)
  if (only.has('features') && !bdsMissing)
    features = await benchFeatures(root, featureSize, Math.min(runs, 3))
  if (only.has('templates') && !bdsMissing) {
    const env = { ...process.env, BDS_CACHE_DIR: join(root, 'python-cache') }
    const posts = featureSize
    templates = await benchTemplates({ bdsBin, root, posts, runs: Math.min(runs, 3), env })
  }
  if (only.has('feeds') && !bdsMissing)
    feeds = await benchFeeds(root, featureSize, Math.min(runs, 3), bdsBin, repo)
} finally {
  // Output folders are deleted only now, after every measurement: big deletes slow the next build.
  await cleanUp()
}

const tokenizer = only.has('tokenizer') ? benchTokenizer() : undefined
const scripts = only.has('scripts') ? benchScripts() : undefined
const highlight: HighlightResult | undefined = only.has('highlight')
  ? await benchHighlight(featureSize, runs)
  : undefined
const python =
  only.has('python') && !bdsMissing
    ? await benchPython({ bdsBin, sizes, runs: Math.min(runs, 3) })
    : undefined
const cache: CacheBenchResult | undefined =
  only.has('cache') && !bdsMissing
    ? await benchCache({ bdsBin, posts: featureSize, runs: Math.min(runs, 3) })
    : undefined
const rebuilt = !values.bds && !bdsMissing && (await engineStamp()) !== stampBefore
if (rebuilt)
  console.error('WARNING: bds (dist/, templates/) changed during the run: numbers mix builds')
const targets = checkTargets({ results, startup, python, threads, cores: cpus().length })
const doc = {
  machine: { cpus: cpus().length, node: process.versions.node, loadavg1: loadBefore },
  settings: {
    sizes,
    runs,
    peers: values.peers,
    only: [...only],
    threads: threadCounts,
    bdsChangedDuringRun: rebuilt,
  },
  versions: Object.fromEntries(peers.map((p) => [p.name, p.version])),
  results,
  startup,
  threads,
  tokenizer,
  tokens,
  feeds,
  scripts,
  highlight,
  features,
  python,
  templates,
  cache,
  watch: watchResult,
  targets,
}
const json = JSON.stringify(
  doc,
  (_key, v) => (typeof v !== 'number' ? v : Number.isFinite(v) ? Math.round(v * 1e3) / 1e3 : null),
  2,
)
const steps = stepsTable(results)
const table = `${[
  results.length ? resultsTable(results) : '',
  steps,
  results.length > 1 ? scaleTable(results) : '',
  startup ? startupTable(startup) : '',
  threads ? threadsTable(threads) : '',
  tokenizer ? tokenizerTable(tokenizer) : '',
  tokens ? tokensTable(tokens) : '',
  feeds ? feedsTable(feeds) : '',
  scripts ? scriptsTable(scripts) : '',
  highlight ? highlightTable(highlight) : '',
  features ? featuresTable(features) : '',
  python ? pythonTable(python) : '',
  templates ? templatesTable(templates) : '',
  cache ? cacheTable(cache) : '',
  watchResult ? watchTable(watchResult) : '',
  targetsTable(targets),
]
  .filter(Boolean)
  .join('\n\n')}\n`
if (values.json) {
  console.error(`\n${table}`)
  console.log(json)
} else {
  console.log(`\n${table}`)
  console.log(json)
}
const bdsFailed = results.some(
  (r) => 'cold' in r.bds && (r.bds.cold.failures || r.bds.noChange.failures),
)
if (bdsFailed) process.exitCode = 1
