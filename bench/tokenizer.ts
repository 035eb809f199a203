// Macro tokenizer benchmark: a deterministic 1 MB page with 10,000 `[[…]]` tokens, parsed by
// the markdown-it instance bds uses, against the same page parsed without the macro plugin.
import type { MacroEnv } from '../src/macros/index.js'
import { createMarkdown } from '../src/render/index.js'

export interface TokenizerResult {
  bytes: number
  tokens: number
  /** Median ms to parse the page with the macro rule (all tokens found). */
  parseMs: number
  /** Median ms for the same page without the macro plugin. */
  plainParseMs: number
  /** Median ms for a page of the same size without any `[[`, with the plugin. */
  noTokenParseMs: number
}

function page(tokens: number, bytes: number): string {
  const kinds = [
    '[[youtube id=dQw4w9WgXcQ title="A talk"]]',
    '[[gallery columns=3 caption="Trip, day 2"]]',
    '[[tag_cloud width=800 orientation=mixed_hv]]',
    '[[photo_archive year=2024 month=5]]',
  ]
  const filler = 'Prose with *emphasis* and `code`. '
  const parts: string[] = []
  let size = 0
  for (let i = 0; size < bytes || i < tokens; i++) {
    const para =
      i < tokens ? `${filler}${kinds[i % kinds.length]} ${filler}\n\n` : `${filler.repeat(3)}\n\n`
    parts.push(para)
    size += para.length
  }
  return parts.join('')
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0

/** Median ms of `runs` calls of `fn`, after one warm-up call. */
export function time(fn: () => void, runs: number): number {
  fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    fn()
    times.push(performance.now() - t0)
  }
  return median(times)
}

export function benchTokenizer(runs = 7): TokenizerResult {
  const options = { linkify: false, typographer: false }
  const md = createMarkdown(options)
  const plain = createMarkdown(options, false)
  const src = page(10_000, 1_000_000)
  const noTokens = src.replace(/\[\[/g, '((')
  let found = 0
  const parseMs = time(() => {
    const env: MacroEnv = { bds: { file: 'bench.md', bodyLine: 1, calls: [], errors: [] } }
    md.parse(src, env)
    found = env.bds?.calls.length ?? 0
  }, runs)
  return {
    bytes: src.length,
    tokens: found,
    parseMs,
    plainParseMs: time(() => plain.parse(src, {}), runs),
    noTokenParseMs: time(() => md.parse(noTokens, {}), runs),
  }
}

export function tokenizerTable(r: TokenizerResult): string {
  return [
    `macro tokenizer: ${(r.bytes / 1e6).toFixed(2)} MB page, ${r.tokens} tokens (median of runs)`,
    `  parse with macros      ${r.parseMs.toFixed(1).padStart(8)} ms`,
    `  parse without plugin   ${r.plainParseMs.toFixed(1).padStart(8)} ms  (macro cost: ${(r.parseMs - r.plainParseMs).toFixed(1)} ms)`,
    `  same size, no [[       ${r.noTokenParseMs.toFixed(1).padStart(8)} ms`,
  ].join('\n')
}
