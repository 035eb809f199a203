// Hostile token post (#19): cold builds, through the CLI, of one post holding 10,000 and then
// 100,000 unclosed `[[a ` tokens (40 and 400 KB): each token is a warning printed with its
// code frame. Linear token location and frames make the second cost about ten times the first.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { median, run } from './proc.js'

export interface TokensRow {
  tokens: number
  bytes: number
  /** Median wall time of the process: start-up, build, and printing every warning. */
  wallMs: number
  /** Median `durationMs` of the build report (printing not included). */
  buildMs: number
  /** Median time of the macros step (tokens located, warnings made). */
  macrosMs: number
}

export interface TokensResult {
  rows: TokensRow[]
  /** wallMs of the largest post over that of the smallest. */
  ratio: number
}

async function site(dir: string, tokens: number): Promise<number> {
  const body = `---\ntitle: Tokens\ndate: 2024-01-01\n---\n${'[[a '.repeat(tokens)}\n`
  await mkdir(join(dir, 'posts'), { recursive: true })
  await writeFile(join(dir, 'bds.config.json'), '{"title": "T", "url": "https://example.com"}')
  await writeFile(join(dir, 'posts/tokens.md'), body)
  return body.length
}

export async function benchTokens(root: string, bdsBin: string, runs: number) {
  const rows: TokensRow[] = []
  for (const tokens of [10_000, 100_000]) {
    const dir = join(root, `tokens-${tokens}`)
    const bytes = await site(dir, tokens)
    const wall: number[] = []
    const build: number[] = []
    const macros: number[] = []
    for (let i = 0; i < runs; i++) {
      await rm(join(dir, '.bds'), { recursive: true, force: true })
      await rm(join(dir, 'dist'), { recursive: true, force: true })
      const report = join(dir, 'report.json')
      const r = await run(process.execPath, [bdsBin, 'build', dir, '--json', report])
      if (r.code !== 0) throw new Error(`tokens build failed (${r.code}): ${r.output}`)
      const json = JSON.parse(await readFile(report, 'utf8'))
      wall.push(r.ms)
      build.push(json.durationMs)
      macros.push(json.steps.find((s: { name: string }) => s.name === 'macros')?.ms ?? 0)
    }
    rows.push({
      tokens,
      bytes,
      wallMs: median(wall),
      buildMs: median(build),
      macrosMs: median(macros),
    })
  }
  const first = rows[0] as TokensRow
  const last = rows[rows.length - 1] as TokensRow
  return { rows, ratio: last.wallMs / first.wallMs } satisfies TokensResult
}

export function tokensTable(r: TokensResult): string {
  const lines = r.rows.map(
    (row) =>
      `  ${String(row.tokens).padStart(7)} tokens ${(row.bytes / 1e3).toFixed(0).padStart(4)} KB   wall ${row.wallMs.toFixed(0).padStart(6)} ms   build ${row.buildMs.toFixed(0).padStart(6)} ms   macros step ${row.macrosMs.toFixed(0).padStart(6)} ms`,
  )
  return [
    'hostile token post: one post of unclosed [[a tokens, a warning with a code frame each (median)',
    ...lines,
    `  wall time ratio largest/smallest: ${r.ratio.toFixed(1)} (linear: about 10)`,
  ].join('\n')
}
